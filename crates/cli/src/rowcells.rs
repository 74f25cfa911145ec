//! Rows of any `serde::Serialize` struct as ordered `(field name, cell)`
//! pairs, so that a table writer (the sheets of `report.xlsx`) takes its
//! header from the row type's field names, in declared order, without a
//! hand-written list of cells per row type.
//!
//! A row is a struct or a map (a struct with a `#[serde(flatten)]` field
//! serialises as a map). Each field becomes one [`Cell`]: strings, numbers,
//! booleans and `None` directly; a list of plain values is joined with
//! [`LIST_SEPARATOR`] as in the CSV files; anything nested deeper is
//! written as compact JSON.

use serde::ser::{self, Impossible, Serialize, SerializeMap, SerializeStruct, Serializer};

use crate::report::LIST_SEPARATOR;

/// One cell of a row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// No value (`None`, `null`).
    Empty,
    /// Text, as written in the row (not neutralised: writers do that).
    Text(String),
    /// A number.
    Number(f64),
    /// A boolean.
    Bool(bool),
}

impl Cell {
    /// The cell as text, as a CSV writer would write it (empty for
    /// [`Cell::Empty`]).
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Number(n) => n.to_string(),
            Cell::Bool(b) => b.to_string(),
        }
    }

    fn of(value: serde_json::Value) -> Cell {
        use serde_json::Value;
        match value {
            Value::Null => Cell::Empty,
            Value::Bool(b) => Cell::Bool(b),
            Value::Number(n) => n
                .as_f64()
                .map_or(Cell::Empty, |x| Cell::Number(from_f32(x))),
            Value::String(s) => Cell::Text(s),
            Value::Array(items) if items.iter().all(|v| !v.is_array() && !v.is_object()) => {
                Cell::Text(
                    items
                        .into_iter()
                        .map(|v| Cell::of(v).text())
                        .collect::<Vec<_>>()
                        .join(LIST_SEPARATOR),
                )
            }
            other => Cell::Text(other.to_string()),
        }
    }
}

/// A number serialised from an `f32` (`0.95f32`) reaches us as the `f64`
/// `0.949999988…`; give it back its short decimal form. An `f64` that is
/// not exactly an `f32` is left alone.
fn from_f32(x: f64) -> f64 {
    let narrow = x as f32;
    if x.fract() != 0.0 && f64::from(narrow) == x {
        narrow.to_string().parse().unwrap_or(x)
    } else {
        x
    }
}

/// A row that is not a struct or a map of named fields.
#[derive(Debug, thiserror::Error)]
#[error("cannot write a table row: {0}")]
pub struct RowError(String);

impl ser::Error for RowError {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        RowError(msg.to_string())
    }
}

/// The fields of `row` in declared order, as `(name, cell)` pairs.
///
/// ```
/// #[derive(serde::Serialize)]
/// struct Row { name: &'static str, score: f32, tags: Vec<&'static str>, note: Option<String> }
/// let row = Row { name: "=x", score: 0.95, tags: vec!["a", "b"], note: None };
/// let cells = quotecheck::rowcells::fields(&row).unwrap();
/// use quotecheck::rowcells::Cell;
/// assert_eq!(cells, vec![
///     ("name".to_string(), Cell::Text("=x".into())),
///     ("score".to_string(), Cell::Number(0.95)),
///     ("tags".to_string(), Cell::Text("a; b".into())),
///     ("note".to_string(), Cell::Empty),
/// ]);
/// ```
pub fn fields<T: Serialize + ?Sized>(row: &T) -> Result<Vec<(String, Cell)>, RowError> {
    row.serialize(RowSerializer)
}

/// A cell's value: any `Serialize` through `serde_json::Value`.
fn cell<T: Serialize + ?Sized>(value: &T) -> Result<Cell, RowError> {
    serde_json::to_value(value)
        .map(Cell::of)
        .map_err(|e| RowError(e.to_string()))
}

struct RowSerializer;

/// Collects the fields of a struct or the entries of a map.
#[derive(Default)]
pub struct Fields {
    cells: Vec<(String, Cell)>,
    key: Option<String>,
}

fn not_a_row<T>() -> Result<T, RowError> {
    Err(RowError("a row must be a struct or a map".into()))
}

macro_rules! not_a_row {
    ($($name:ident($($arg:ty),*);)*) => {
        $(fn $name(self, $(_: $arg),*) -> Result<Self::Ok, RowError> { not_a_row() })*
    };
}

impl Serializer for RowSerializer {
    type Ok = Vec<(String, Cell)>;
    type Error = RowError;
    type SerializeSeq = Impossible<Self::Ok, RowError>;
    type SerializeTuple = Impossible<Self::Ok, RowError>;
    type SerializeTupleStruct = Impossible<Self::Ok, RowError>;
    type SerializeTupleVariant = Impossible<Self::Ok, RowError>;
    type SerializeMap = Fields;
    type SerializeStruct = Fields;
    type SerializeStructVariant = Impossible<Self::Ok, RowError>;

    not_a_row! {
        serialize_bool(bool);
        serialize_i8(i8);
        serialize_i16(i16);
        serialize_i32(i32);
        serialize_i64(i64);
        serialize_u8(u8);
        serialize_u16(u16);
        serialize_u32(u32);
        serialize_u64(u64);
        serialize_f32(f32);
        serialize_f64(f64);
        serialize_char(char);
        serialize_str(&str);
        serialize_bytes(&[u8]);
        serialize_none();
        serialize_unit();
        serialize_unit_struct(&'static str);
        serialize_unit_variant(&'static str, u32, &'static str);
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Self::Ok, RowError> {
        value.serialize(self)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<Self::Ok, RowError> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<Self::Ok, RowError> {
        not_a_row()
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, RowError> {
        not_a_row()
    }

    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, RowError> {
        not_a_row()
    }

    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, RowError> {
        not_a_row()
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, RowError> {
        not_a_row()
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Fields, RowError> {
        Ok(Fields::default())
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Fields, RowError> {
        Ok(Fields::default())
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, RowError> {
        not_a_row()
    }
}

impl SerializeStruct for Fields {
    type Ok = Vec<(String, Cell)>;
    type Error = RowError;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), RowError> {
        self.cells.push((key.to_string(), cell(value)?));
        Ok(())
    }

    fn end(self) -> Result<Self::Ok, RowError> {
        Ok(self.cells)
    }
}

impl SerializeMap for Fields {
    type Ok = Vec<(String, Cell)>;
    type Error = RowError;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), RowError> {
        self.key = Some(cell(key)?.text());
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), RowError> {
        let key = self.key.take().unwrap_or_default();
        self.cells.push((key, cell(value)?));
        Ok(())
    }

    fn end(self) -> Result<Self::Ok, RowError> {
        Ok(self.cells)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;

    #[derive(Serialize)]
    struct Inner {
        b: u32,
        c: Option<usize>,
    }

    #[derive(Serialize)]
    struct Outer {
        a: &'static str,
        #[serde(flatten)]
        inner: Inner,
        z: Vec<Inner>,
    }

    #[test]
    fn flattened_fields_keep_their_order_and_nested_values_are_json() -> Result<(), RowError> {
        let row = Outer {
            a: "x",
            inner: Inner { b: 2, c: None },
            z: vec![Inner { b: 1, c: Some(3) }],
        };
        let got = fields(&row)?;
        let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["a", "b", "c", "z"]);
        assert_eq!(got[1].1, Cell::Number(2.0));
        assert_eq!(got[2].1, Cell::Empty);
        assert_eq!(got[3].1, Cell::Text(r#"[{"b":1,"c":3}]"#.into()));
        Ok(())
    }

    #[test]
    fn only_structs_and_maps_are_rows() {
        assert!(fields(&3).is_err());
        assert!(fields(&vec![1, 2]).is_err());
    }

    #[test]
    fn f32_values_keep_their_short_form() {
        assert_eq!(from_f32(f64::from(0.95f32)), 0.95);
        assert_eq!(from_f32(0.1), 0.1);
        assert_eq!(from_f32(3.0), 3.0);
    }
}
