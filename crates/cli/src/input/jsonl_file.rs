//! JSONL input: one document per line, its id and text fields, one
//! [`InputError`] per bad line.

use super::*;

pub(super) fn read_jsonl(
    source: &Source,
    reader: Box<dyn Read>,
    opts: &InputOptions,
    emit: &mut dyn FnMut(Result<InputDoc, InputError>) -> bool,
) {
    // (No sniffing for NUL bytes here: a NUL fails its line only, wherever
    // it is in the file.)
    let mut reader = BufReader::with_capacity(64 * 1024, reader);
    let path = &source.display;
    let mut buf: Vec<u8> = Vec::new();
    let mut line_no = 0usize;
    let mut line_start = 0u64;
    loop {
        buf.clear();
        if buf.capacity() > KEEP_BUFFER {
            buf = Vec::new();
        }
        let n = match reader.read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) => {
                emit(Err(io_error(path, &e)));
                return;
            }
        };
        line_no += 1;
        let mut start = line_start;
        line_start += n as u64;
        let mut body: &[u8] = &buf;
        if line_no == 1 && body.starts_with(b"\xEF\xBB\xBF") {
            body = &body[3..];
            start += 3;
        }
        while let Some((last, rest)) = body.split_last() {
            if *last == b'\n' || *last == b'\r' {
                body = rest;
            } else {
                break;
            }
        }
        if body.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let result = jsonl_line(source, body, line_no, start, opts);
        if !emit(result) {
            return;
        }
    }
}

fn jsonl_line(
    source: &Source,
    body: &[u8],
    line: usize,
    line_start: u64,
    opts: &InputOptions,
) -> Result<InputDoc, InputError> {
    let path = &source.display;
    if let Some(at) = body.iter().position(|&b| b == 0) {
        return Err(InputError::Jsonl {
            path: path.clone(),
            line,
            message: format!(
                "NUL byte at byte {} (binary data, not JSON text)",
                line_start + at as u64
            ),
        });
    }
    if body.starts_with(b"\xEF\xBB\xBF") {
        return Err(InputError::Jsonl {
            path: path.clone(),
            line,
            message: "the line starts with a byte-order mark (EF BB BF), as where files were \
                      concatenated; remove it"
                .into(),
        });
    }
    let text: std::borrow::Cow<'_, str> = match std::str::from_utf8(body) {
        Ok(s) => s.into(),
        Err(_) if opts.lossy => {
            note_lossy(path, Some(line), invalid_bytes(body));
            String::from_utf8_lossy(body)
        }
        Err(e) => {
            return Err(InputError::InvalidUtf8 {
                path: path.clone(),
                line: Some(line),
                offset: line_start + e.valid_up_to() as u64,
            });
        }
    };
    let bad = |message: String| InputError::Jsonl {
        path: path.clone(),
        line,
        message,
    };
    let value: Line = serde_json::from_str(&text).map_err(|e| bad(json_message(&e)))?;
    drop(text);
    let Line::Object(mut map) = value else {
        return Err(bad(
            "expected a JSON object like {\"id\": …, \"text\": …}".into()
        ));
    };
    let text = match map.remove(&opts.text_field) {
        Some(serde_json::Value::String(s)) => s,
        Some(_) => return Err(bad(format!("field `{}` is not a string", opts.text_field))),
        None => {
            return Err(bad(format!(
                "no field `{}` (choose the text field with --text-field)",
                opts.text_field
            )))
        }
    };
    let id_field = opts.id_field.as_deref().unwrap_or("id");
    // An empty or blank id counts as no id.
    let blank =
        |v: &serde_json::Value| v.is_null() || v.as_str().is_some_and(|s| s.trim().is_empty());
    let id = match map.get(id_field) {
        Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s.clone(),
        Some(serde_json::Value::Number(n)) => n.to_string(),
        v if v.is_none_or(blank) && opts.id_field.is_none() => {
            format!("{}:{}", source.id_base, line)
        }
        None => return Err(bad(format!("no field `{id_field}` (the --id-field)"))),
        Some(v) if blank(v) => {
            return Err(bad(format!("field `{id_field}` (the --id-field) is empty")))
        }
        Some(_) => {
            return Err(bad(format!(
                "field `{id_field}` must be a non-empty string or a number"
            )))
        }
    };
    let meta = |field: &Option<String>, default: &str, flag: &str| {
        let name = field.as_deref().unwrap_or(default);
        match map.get(name) {
            Some(serde_json::Value::String(s)) if !s.trim().is_empty() => {
                Ok(Some(s.trim().to_string()))
            }
            Some(serde_json::Value::Number(n)) => Ok(Some(n.to_string())),
            None | Some(serde_json::Value::Null) if field.is_some() => {
                Err(bad(format!("no field `{name}` (the {flag})")))
            }
            _ => Ok(None),
        }
    };
    let date = meta(&opts.date_field, "date", "--date-field")?;
    let url = meta(&opts.url_field, "url", "--url-field")?;
    let mut doc = row_doc(path, line, id, text)?;
    doc.date = date;
    doc.url = url;
    Ok(doc)
}

/// One JSONL line: an object whose keys are unique (a repeated key is an
/// error naming it, not a silent choice of the last value), or any other
/// JSON value.
enum Line {
    Object(serde_json::Map<String, serde_json::Value>),
    Other,
}

impl<'de> serde::Deserialize<'de> for Line {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Line;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a JSON value")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut a: A) -> Result<Line, A::Error> {
                let mut map = serde_json::Map::new();
                while let Some(k) = a.next_key::<String>()? {
                    if map.contains_key(&k) {
                        return Err(serde::de::Error::custom(format!("duplicate field `{k}`")));
                    }
                    let v: serde_json::Value = a.next_value()?;
                    map.insert(k, v);
                }
                Ok(Line::Object(map))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut a: A) -> Result<Line, A::Error> {
                while a.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(Line::Other)
            }
            fn visit_bool<E>(self, _: bool) -> Result<Line, E> {
                Ok(Line::Other)
            }
            fn visit_i64<E>(self, _: i64) -> Result<Line, E> {
                Ok(Line::Other)
            }
            fn visit_u64<E>(self, _: u64) -> Result<Line, E> {
                Ok(Line::Other)
            }
            fn visit_f64<E>(self, _: f64) -> Result<Line, E> {
                Ok(Line::Other)
            }
            fn visit_str<E>(self, _: &str) -> Result<Line, E> {
                Ok(Line::Other)
            }
            fn visit_unit<E>(self) -> Result<Line, E> {
                Ok(Line::Other)
            }
        }
        d.deserialize_any(V)
    }
}

/// serde_json's message without its " at line 1 column N" suffix, with the
/// column kept as a byte position in the line.
fn json_message(e: &serde_json::Error) -> String {
    let s = e.to_string();
    let msg = match s.rfind(" at line ") {
        Some(p) => &s[..p],
        None => &s,
    };
    format!("{msg} (column {})", e.column())
}
