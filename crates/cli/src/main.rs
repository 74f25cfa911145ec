//! The `quotecheck` command: quote attribution and duplicate-claim reports
//! for newsrooms. See `docs/cli.md`.
//!
//! Exit codes: 0 success, 1 some documents failed (the others were
//! processed and written), 2 usage or fatal error (nothing was written).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use quotecheck::commands::{self, DedupOutput, OutputOptions};
use quotecheck::error::{printable, FatalError};
use quotecheck::input::{io_message, InputKind, InputOptions};
use quotecheck::matching::MatchOptions;
use quotecheck::output::{CsvOptions, Destination, Format};
use quotecheck::run::RunOptions;
use quotecheck::score::ScoreFormat;
use quotecheck::semantic::Semantic;
use quotecheck::speakers::aliases::Aliases;
use quotecheck_dedup::{DedupConfig, NumberPolicy, VerifyConfig};
use quotecheck_eval::score::ScoreOptions;

/// mimalloc instead of the system allocator: the engine allocates many
/// small strings (mentions, cues, names); see docs/performance.md. Running
/// out of memory is an `error:` line and exit code 2, not an abort
/// ([`quotecheck::oom`]).
#[global_allocator]
static GLOBAL: quotecheck::oom::ExitOnOom<mimalloc::MiMalloc> =
    quotecheck::oom::ExitOnOom(mimalloc::MiMalloc);

const ABOUT: &str = "Fact-checking tools for newsrooms: who said what, and which claims repeat";

const EXIT_CODES: &str = "\
Exit codes:
  0  success
  1  some documents failed (listed on stderr and in summary.json); the rest was written
  2  usage or fatal error; nothing was written";

#[derive(Debug, Parser)]
#[command(name = "quotecheck", version, about = ABOUT, after_help = EXIT_CODES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run everything on a day's articles and write a report directory
    #[command(after_help = "\
Example:
  quotecheck report fixtures/ --out report/

Writes quotes.csv, speakers.csv, claims.csv, duplicates.csv, misquotes.csv,
report.xlsx (open this first), index.html (the review page, for a browser)
and summary.json into DIR (see docs/reports.md). Each file is written to a
temporary file in DIR and renamed, so an interrupted run leaves no
half-written report. The Dedup options are those of `quotecheck dedup`.

Exit codes: 0 success, 1 some documents failed, 2 usage or fatal error.")]
    Report {
        #[command(flatten)]
        input: InputArgs,
        /// Directory to write the report into (created if missing)
        #[arg(long, short = 'o', value_name = "DIR")]
        out: PathBuf,
        /// Start every CSV file with a UTF-8 byte-order mark (for Excel)
        #[arg(long)]
        excel: bool,
        /// Also write factchecks.csv: the claims already checked in FILE
        /// (CSV/JSONL with id, claim, verdict, url, date; or ClaimReview JSON)
        #[arg(long, value_name = "FILE")]
        factchecks: Option<PathBuf>,
        /// Also write previously_seen.csv (claims found in the claim index
        /// FILE), then add today's documents to it (created if missing)
        #[arg(long, value_name = "FILE")]
        index: Option<PathBuf>,
        /// Use the built-in model (potion-base-8M): fact-checks ranked as
        /// by `match --semantic`, and reworded claims clustered as by
        /// `dedup --semantic`
        #[arg(long)]
        semantic: bool,
        #[command(flatten)]
        model: ModelArg,
        #[command(flatten)]
        speakers: SpeakersArg,
        #[command(flatten)]
        dedup: DedupArgs,
    },
    /// Remember claims across runs: a claim index in one SQLite file
    #[command(subcommand)]
    Index(IndexCommand),
    /// Find the fact-checks closest to each claim of the inputs
    #[command(after_help = "\
Examples:
  quotecheck match articles/ --against factchecks.csv
  quotecheck match posts.jsonl --against claimreview.json --top 3 --format jsonl

A JSONL/CSV row of at most 400 characters is one query (its id the row's
document id); other documents are split into sentence claims, each a query
with the id <doc_id>@<char_start>-<char_end>. Fact-checks are a CSV or JSONL
file of checked claims (id, claim; optional verdict, url, date) or
schema.org ClaimReview JSON (one, a list, or a feed). For each query the TOP
best fact-checks by BM25 are written, one row each (query_id, rank,
claim_id, score, verdict, url, …); same_claim says whether the hit passes
the same-claim rule (numbers and negation agree, most of the fact-check's
words present). With --semantic the built-in model (potion-base-8M) adds
candidates by meaning and a learned re-ranker orders them; with --model DIR
(or --semantic and QUOTECHECK_MODEL=DIR) a sentence-transformer such as
all-MiniLM-L6-v2 embeds the claims and its cosine is fused with BM25. See
docs/claims.md.

Exit codes: 0 success, 1 some documents failed, 2 usage or fatal error.")]
    Match {
        #[command(flatten)]
        input: InputArgs,
        /// The fact-check file (.csv, .jsonl, .ndjson or ClaimReview .json)
        #[arg(long, value_name = "FILE")]
        against: PathBuf,
        /// Fact-checks per query
        #[arg(long, value_name = "K", default_value_t = 5)]
        top: usize,
        /// Rank with the built-in embedding model and the learned re-ranker
        /// (score: its log-odds) instead of BM25 alone
        #[arg(long)]
        semantic: bool,
        #[command(flatten)]
        model: ModelArg,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Find quotes and their speakers
    #[command(
        alias = "attribute",
        after_help = "\
Examples:
  quotecheck quotes article.txt
  quotecheck quotes articles/ --format jsonl -o quotes.jsonl
  cat article.html | quotecheck quotes - --stdin-format html

Offsets (char_start, char_end, mention_start, …) are Unicode code points into
the document text, end exclusive; for HTML the text is the extracted main text
(see `quotecheck extract`).

Exit codes: 0 success, 1 some documents failed, 2 usage or fatal error."
    )]
    Quotes {
        #[command(flatten)]
        input: InputArgs,
        #[command(flatten)]
        output: OutputArgs,
        #[command(flatten)]
        speakers: SpeakersArg,
    },
    /// Find duplicate claims, misquotes and conflicting attributions across documents
    #[command(after_help = "\
Examples:
  quotecheck dedup articles/ -o duplicates.csv
  quotecheck dedup wire.jsonl --format jsonl --min-jaccard 0.7
  quotecheck dedup articles/ --out dedup/

A claim is a sentence of body text or an attributed quote. Without --out,
writes the members of clusters of duplicate claims (the rows of
duplicates.csv) to standard output or -o FILE, as CSV, JSON or JSON Lines.
With --out DIR, writes claims.csv, duplicates.csv and misquotes.csv
(misquotes and conflicting attributions) into DIR, as CSV. Offsets
(char_start, char_end) are Unicode code points into the document text, end
exclusive. See docs/reports.md and docs/dedup.md.

Exit codes: 0 success, 1 some documents failed, 2 usage or fatal error.")]
    Dedup {
        #[command(flatten)]
        input: InputArgs,
        #[command(flatten)]
        output: OutputArgs,
        /// Write claims.csv, duplicates.csv and misquotes.csv into DIR
        /// (created if missing) instead of duplicates to -o/stdout
        #[arg(
            long,
            value_name = "DIR",
            conflicts_with_all = ["output", "format"],
            help_heading = "Output"
        )]
        out: Option<PathBuf>,
        /// Also cluster claims said in other words: the built-in model
        /// (potion-base-8M) links claims of different documents whose
        /// embeddings' cosine is at least 0.84, with the same number and
        /// negation vetoes; such members have the reason `semantic` and the
        /// cosine as similarity, each checked against its cluster's
        /// canonical claim
        #[arg(long, help_heading = "Dedup")]
        semantic: bool,
        #[command(flatten)]
        model: ModelArg,
        #[command(flatten)]
        dedup: DedupArgs,
    },
    /// Score quotes against gold annotations (precision, recall, F1)
    #[command(after_help = "\
Examples:
  quotecheck score --gold fixtures/articles
  quotecheck quotes fixtures/articles/*.txt --format jsonl -o predictions.jsonl
  quotecheck score --gold fixtures/articles predictions.jsonl --format json

Without PREDICTIONS the engine runs on the gold documents' texts. Gold files
are single-document JSON or many-document JSONL (docs/gold-format.md);
directories are searched for .json and .jsonl files. Prediction doc_ids must
match the gold ids (give .txt files directly, not their directory, so that
the ids are the file stems).

Exit codes: 0 success, 2 usage or fatal error (e.g. an invalid gold file).")]
    Score {
        /// Gold annotation files or directories (repeatable)
        #[arg(long, required = true, value_name = "GOLD")]
        gold: Vec<PathBuf>,
        /// Predicted quotes (JSONL or a JSON array of quote records, as
        /// written by `quotecheck quotes --format jsonl`); default: run the engine
        #[arg(value_name = "PREDICTIONS")]
        predictions: Option<PathBuf>,
        /// Judge speakers by mention span overlap (IoU ≥ 0.5) instead of by name
        #[arg(long)]
        mention_iou: bool,
        /// Number of sample misses and false positives to list
        #[arg(long, value_name = "N", default_value_t = 0)]
        errors: usize,
        /// Output format
        #[arg(long, value_enum, default_value_t = ScoreFormat::Table)]
        format: ScoreFormat,
        /// Output file ('-' or none: standard output)
        #[arg(long, short = 'o', value_name = "FILE")]
        output: Option<PathBuf>,
        /// Worker threads (0: one per core)
        #[arg(long, value_name = "N", default_value_t = 0)]
        threads: usize,
    },
    /// Print the documents' text as quotecheck sees it (HTML extracted)
    #[command(after_help = "\
Examples:
  quotecheck extract page.html
  quotecheck extract export.csv --text-column body -o docs.jsonl

The output (JSONL by default, fields id, text, source, line) is valid input
for quotecheck, and the text is what all offsets refer to.

Exit codes: 0 success, 1 some documents failed, 2 usage or fatal error.")]
    Extract {
        #[command(flatten)]
        input: InputArgs,
        /// Output format
        #[arg(long, value_enum, default_value_t = Format::Jsonl)]
        format: Format,
        /// Output file ('-' or none: standard output)
        #[arg(long, short = 'o', value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Print a shell completion script
    #[command(after_help = "\
Examples:
  quotecheck completions bash > ~/.local/share/bash-completion/completions/quotecheck
  quotecheck completions zsh > ~/.zfunc/_quotecheck
  quotecheck completions fish > ~/.config/fish/completions/quotecheck.fish")]
    Completions {
        /// The shell
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

/// `quotecheck index …`
#[derive(Debug, Subcommand)]
enum IndexCommand {
    /// Add the claims of the inputs to the index (created if missing)
    #[command(after_help = "\
Example:
  quotecheck index add articles/ --index claims.db

Stores every claim (sentences and quotes, as in claims.csv) with its
document, speaker and the run date; a document id already indexed is
skipped. See docs/claims.md.

Exit codes: 0 success, 1 some documents failed, 2 usage or fatal error.")]
    Add {
        #[command(flatten)]
        input: InputArgs,
        /// The claim index (SQLite)
        #[arg(long, value_name = "FILE")]
        index: PathBuf,
        /// Run date recorded as first/last seen [default: today, UTC]
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        #[command(flatten)]
        model: ModelArg,
    },
    /// List the claims of the inputs already in the index (adds nothing)
    #[command(after_help = "\
Example:
  quotecheck index query today/ --index claims.db -o seen.csv

One row per claim seen before: match is exact (same normalised text) or
near (a near duplicate by the dedup rule), with the earliest document, its
date and the first speaker. See docs/claims.md.

Exit codes: 0 success, 1 some documents failed, 2 usage or fatal error.")]
    Query {
        #[command(flatten)]
        input: InputArgs,
        /// The claim index (SQLite)
        #[arg(long, value_name = "FILE")]
        index: PathBuf,
        #[command(flatten)]
        output: OutputArgs,
    },
}

/// How standard input is read.
#[derive(Debug, Clone, Copy, ValueEnum)]
enum StdinFormat {
    /// Plain text, one document
    Txt,
    /// An HTML page, one document
    Html,
    /// JSON Lines, one document per line
    Jsonl,
    /// CSV with a header row, one document per row
    Csv,
}

/// An encoding by its WHATWG label.
fn parse_encoding(label: &str) -> Result<&'static encoding_rs::Encoding, String> {
    quotecheck::decode::encoding_for_label(label).ok_or_else(|| {
        format!("unknown encoding `{label}` (try utf-8, windows-1252, latin1, utf-16le, utf-16be)")
    })
}

#[derive(Debug, Args)]
struct InputArgs {
    /// Files or directories (.txt, .html, .htm, .jsonl, .csv; directories are
    /// walked recursively); '-' reads standard input
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<String>,
    /// JSONL field holding the document id [default: id, else <file>:<line>]
    #[arg(long, value_name = "NAME", help_heading = "Input")]
    id_field: Option<String>,
    /// JSONL field holding the document text
    #[arg(
        long,
        value_name = "NAME",
        default_value = "text",
        help_heading = "Input"
    )]
    text_field: String,
    /// CSV column holding the document id [default: id, else <file>:<line>]
    #[arg(long, value_name = "NAME", help_heading = "Input")]
    id_column: Option<String>,
    /// CSV column holding the document text
    #[arg(
        long,
        value_name = "NAME",
        default_value = "text",
        help_heading = "Input"
    )]
    text_column: String,
    /// JSONL field holding the publication date [default: date, when present]
    #[arg(long, value_name = "NAME", help_heading = "Input")]
    date_field: Option<String>,
    /// JSONL field holding the document URL [default: url, when present]
    #[arg(long, value_name = "NAME", help_heading = "Input")]
    url_field: Option<String>,
    /// CSV column holding the publication date [default: date, when present]
    #[arg(long, value_name = "NAME", help_heading = "Input")]
    date_column: Option<String>,
    /// CSV column holding the document URL [default: url, when present]
    #[arg(long, value_name = "NAME", help_heading = "Input")]
    url_column: Option<String>,
    /// How to read standard input ('-')
    #[arg(long, value_enum, default_value_t = StdinFormat::Txt, help_heading = "Input")]
    stdin_format: StdinFormat,
    /// Replace invalid UTF-8 (or UTF-16) with U+FFFD instead of failing the document
    #[arg(long, help_heading = "Input")]
    lossy: bool,
    /// Encoding of .txt/.html inputs and of CSV exports (utf-8, windows-1252,
    /// latin1, utf-16le, …) [default: byte-order mark, declaration, else
    /// detected; CSV: UTF-8]
    #[arg(long, value_name = "NAME", value_parser = parse_encoding, help_heading = "Input")]
    encoding: Option<&'static encoding_rs::Encoding>,
    /// Stop at the first bad input (exit code 2, nothing written)
    #[arg(long, help_heading = "Input")]
    strict: bool,
    /// Worker threads (0: one per core)
    #[arg(long, value_name = "N", default_value_t = 0, help_heading = "Run")]
    threads: usize,
    /// No progress on stderr
    #[arg(long, short = 'q', help_heading = "Run")]
    quiet: bool,
    /// Show progress stages on stderr even when it is not a terminal (plain
    /// lines, at most ten a second); --quiet wins
    #[arg(long, help_heading = "Run")]
    progress: bool,
}

impl InputArgs {
    fn run_options(&self) -> RunOptions {
        RunOptions {
            input: InputOptions {
                lossy: self.lossy,
                encoding: self.encoding,
                id_field: self.id_field.clone(),
                text_field: self.text_field.clone(),
                id_column: self.id_column.clone(),
                text_column: self.text_column.clone(),
                date_field: self.date_field.clone(),
                url_field: self.url_field.clone(),
                date_column: self.date_column.clone(),
                url_column: self.url_column.clone(),
                stdin_kind: match self.stdin_format {
                    StdinFormat::Txt => InputKind::Text,
                    StdinFormat::Html => InputKind::Html,
                    StdinFormat::Jsonl => InputKind::Jsonl,
                    StdinFormat::Csv => InputKind::Csv,
                },
            },
            threads: self.threads,
            quiet: self.quiet,
            progress: self.progress,
            strict: self.strict,
        }
    }
}

#[derive(Debug, Args)]
struct SpeakersArg {
    /// Speaker file: CSV `key,name,aliases` (aliases separated by ';') to
    /// merge or split speakers by hand (docs/cli.md)
    #[arg(long = "speakers", value_name = "FILE", help_heading = "Speakers")]
    file: Option<PathBuf>,
}

impl SpeakersArg {
    fn aliases(&self) -> Result<Aliases, FatalError> {
        match &self.file {
            Some(path) => Aliases::read(path).map_err(|e| FatalError::Usage(e.to_string())),
            None => Ok(Aliases::default()),
        }
    }
}

#[derive(Debug, Args)]
struct OutputArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Csv, help_heading = "Output")]
    format: Format,
    /// Output file, written atomically ('-' or none: standard output)
    #[arg(long, short = 'o', value_name = "FILE", help_heading = "Output")]
    output: Option<PathBuf>,
    /// Start CSV output with a UTF-8 byte-order mark (for Excel)
    #[arg(long, help_heading = "Output")]
    excel: bool,
}

/// How numbers of two claims must agree for a near duplicate.
#[derive(Debug, Clone, Copy, ValueEnum)]
enum NumbersArg {
    /// The numbers of one claim are among the other's (a number may be added, never changed)
    Subset,
    /// The same numbers
    Equal,
}

/// A value in [0, 1].
fn unit_interval(s: &str) -> Result<f32, String> {
    match s.parse::<f32>() {
        Ok(v) if (0.0..=1.0).contains(&v) => Ok(v),
        Ok(_) => Err(format!("{s} is not between 0 and 1")),
        Err(e) => Err(e.to_string()),
    }
}

/// The accurate semantic tier (docs/claims.md).
#[derive(Debug, Args)]
struct ModelArg {
    /// A sentence-transformer directory (config.json, tokenizer.json,
    /// model.safetensors; all-MiniLM-L6-v2 or a model with a SHA256SUMS
    /// file) to use instead of the built-in model; implies --semantic
    /// [default: $QUOTECHECK_MODEL when --semantic is given]
    #[arg(long, value_name = "DIR")]
    model: Option<PathBuf>,
}

impl ModelArg {
    /// The semantic tier of `--semantic` (`semantic`) and `--model`.
    fn semantic(&self, semantic: bool) -> Result<Semantic, FatalError> {
        Semantic::from_args(semantic, self.model.as_deref())
    }
}

/// The thresholds of the dedup stage (docs/dedup.md).
#[derive(Debug, Args)]
struct DedupArgs {
    /// Near duplicates: minimum token-set Jaccard similarity of the content
    /// words (pairs with substituted words also need at least 0.6)
    #[arg(long, value_name = "J", value_parser = unit_interval,
          default_value_t = VerifyConfig::default().min_jaccard, help_heading = "Dedup")]
    min_jaccard: f32,
    /// Near duplicates: minimum share of the shorter claim's content words
    /// found in the longer one
    #[arg(long, value_name = "C", value_parser = unit_interval,
          default_value_t = VerifyConfig::default().min_containment, help_heading = "Dedup")]
    min_containment: f32,
    /// Near duplicates: maximum number of substituted content words
    #[arg(long, value_name = "N",
          default_value_t = VerifyConfig::default().max_substitutions, help_heading = "Dedup")]
    max_substitutions: usize,
    /// Near duplicates: how numbers must agree
    #[arg(long, value_enum, default_value_t = NumbersArg::Subset, help_heading = "Dedup")]
    numbers: NumbersArg,
    /// Misquotes: minimum word similarity of two quotes of one speaker
    #[arg(long, value_name = "S", value_parser = unit_interval,
          default_value_t = DedupConfig::default().misquote_min_similarity, help_heading = "Dedup")]
    misquote_min_similarity: f32,
    /// Conflicting attributions: minimum word similarity of two quotes of
    /// different speakers (exact and near-duplicate quotes always count)
    #[arg(long, value_name = "S", value_parser = unit_interval,
          default_value_t = DedupConfig::default().conflict_min_similarity, help_heading = "Dedup")]
    conflict_min_similarity: f32,
}

impl DedupArgs {
    fn config(&self) -> DedupConfig {
        let defaults = DedupConfig::default();
        DedupConfig {
            verify: VerifyConfig {
                min_jaccard: self.min_jaccard,
                min_containment: self.min_containment,
                max_substitutions: self.max_substitutions,
                numbers: match self.numbers {
                    NumbersArg::Subset => NumberPolicy::Subset,
                    NumbersArg::Equal => NumberPolicy::Equal,
                },
                ..defaults.verify
            },
            misquote_min_similarity: self.misquote_min_similarity,
            conflict_min_similarity: self.conflict_min_similarity,
            ..defaults
        }
    }
}

impl OutputArgs {
    fn options(&self) -> OutputOptions {
        OutputOptions {
            format: self.format,
            destination: Destination::from_arg(self.output.as_deref()),
            csv: CsvOptions { bom: self.excel },
        }
    }
}

fn dispatch(cli: Cli) -> anyhow::Result<u8> {
    Ok(match cli.command {
        Command::Report {
            input,
            out,
            excel,
            factchecks,
            speakers,
            index,
            semantic,
            model,
            dedup,
        } => commands::report_with(
            &input.inputs,
            &input.run_options(),
            &out,
            CsvOptions { bom: excel },
            &dedup.config(),
            &commands::ReportExtras {
                factchecks: factchecks.as_deref(),
                index: index.as_deref(),
                aliases: Some(&speakers.aliases()?),
                semantic: model.semantic(semantic)?,
            },
        )?,
        Command::Index(IndexCommand::Add {
            input,
            index,
            date,
            model,
        }) => quotecheck::claim_index::index_add(
            &input.inputs,
            &input.run_options(),
            &index,
            date.as_deref(),
            &model.semantic(false)?,
        )?,
        Command::Index(IndexCommand::Query {
            input,
            index,
            output,
        }) => quotecheck::claim_index::index_query(
            &input.inputs,
            &input.run_options(),
            &index,
            &output.options(),
        )?,
        Command::Match {
            input,
            against,
            top,
            semantic,
            model,
            output,
        } => quotecheck::matching::match_claims(
            &input.inputs,
            &input.run_options(),
            &against,
            MatchOptions {
                top,
                semantic: model.semantic(semantic)?,
            },
            &output.options(),
        )?,
        Command::Quotes {
            input,
            output,
            speakers,
        } => commands::quotes_with(
            &input.inputs,
            &input.run_options(),
            &output.options(),
            &speakers.aliases()?,
        )?,
        Command::Dedup {
            input,
            output,
            out,
            semantic,
            model,
            dedup,
        } => {
            let destination = match out {
                Some(dir) => DedupOutput::Dir {
                    dir,
                    csv: CsvOptions { bom: output.excel },
                },
                None => DedupOutput::Table(output.options()),
            };
            commands::dedup(
                &input.inputs,
                &input.run_options(),
                &destination,
                &dedup.config(),
                &model.semantic(semantic)?,
            )?
        }
        Command::Extract {
            input,
            format,
            output,
        } => commands::extract(
            &input.inputs,
            &input.run_options(),
            &OutputOptions {
                format,
                destination: Destination::from_arg(output.as_deref()),
                csv: CsvOptions::default(),
            },
        )?,
        Command::Score {
            gold,
            predictions,
            mention_iou,
            errors,
            format,
            output,
            threads,
        } => quotecheck::score::run_score(
            &gold,
            predictions.as_deref(),
            &ScoreOptions {
                mention_iou,
                errors,
            },
            format,
            &Destination::from_arg(output.as_deref()),
            threads,
        )?,
        Command::Completions { shell } => {
            // Generated into memory first: clap_complete panics when its
            // writer fails (closed pipe, full disk).
            let mut cmd = Cli::command();
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut cmd, "quotecheck", &mut script);
            Destination::Stdout.write(|w| w.write_all(&script))?;
            0
        }
    })
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        // Help and version exit 0 (2 when they cannot be written), usage
        // errors 2.
        Err(e) if e.use_stderr() => e.exit(),
        Err(e) => {
            let written = e.print().and_then(|()| std::io::stdout().flush());
            return match written {
                Ok(()) => ExitCode::SUCCESS,
                Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(err) => {
                    eprintln!("error: cannot write standard output: {}", io_message(&err));
                    ExitCode::from(2)
                }
            };
        }
    };
    quotecheck::output::interrupt::install();
    match dispatch(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("error: {}", printable(&format!("{e:#}")));
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cli_definition_is_valid() {
        Cli::command().debug_assert();
    }
}
