//! `citequiz new`: a bank skeleton for an article, which `check` accepts.
//!
//! `skeleton` writes the text (pure); `write_skeleton` is the shell around
//! it: it reads the article, works out the paths the bank names relative
//! to where it will be, and creates the file, never over an existing one.

use crate::article::Article;
use crate::bank::{BANK_FORMAT, RawQuestion};
use crate::diag::Diagnostic;
use std::io::Write;
use std::path::{Component, Path, PathBuf};

/// The bank schema's file name, as `citequiz schema` output is kept in
/// `quiz-data/`.
pub const SCHEMA_FILE: &str = "citequiz-bank-1.schema.json";

/// What a skeleton names besides the article's own fields.
#[derive(Debug, Clone, Copy)]
pub struct Skeleton<'a> {
    /// The article file, by a path relative to the bank.
    pub article_ref: &'a str,
    /// The JSON Schema, by a path relative to the bank or a URL.
    pub schema_ref: &'a str,
    /// The bank's id; the article's id with "-quiz" when `None`.
    pub id: Option<&'a str>,
    /// The bank's title; "Quiz: " and the article's title when `None`.
    pub title: Option<&'a str>,
}

/// A bank for `article`: the `$schema` line, the format, id, title, the
/// article's path and language, the settings at their defaults written
/// out so that an author sees them, and one example true/false question
/// on the article's first sentence, its citation marked `suggested` so
/// that `check` reminds the author to replace it. Laid out as the shipped
/// banks are (two-space indent, a final newline).
pub fn skeleton(article: &Article, s: &Skeleton) -> String {
    let first = article
        .sentences()
        .first()
        .map(|x| article.slice(&x.span).trim().to_string())
        .unwrap_or_default();
    let head = head(article, s);
    let question = [
        "\"id\": \"example\"".to_string(),
        "\"kind\": \"true_false\"".to_string(),
        format!(
            "\"prompt\": {}",
            q(&format!("An example to replace. True or false: the article begins: \"{first}\""))
        ),
        "\"answer\": true".to_string(),
        format!("\"explanation\": {}", q(crate::author::convert::PLACEHOLDER_EXPLANATION)),
        format!(
            "\"cite\": [\n        {{\n          \"exact\": {},\n          \"suggested\": true\n        }}\n      ]",
            q(&first)
        ),
    ];
    let fields: Vec<String> = question.iter().map(|f| format!("      {f}")).collect();
    layout(&head, &[format!("    {{\n{}\n    }}", fields.join(",\n"))])
}

fn q(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

/// The bank's lines before `questions`: `$schema`, format, id, title,
/// article, language and the settings.
fn head(article: &Article, s: &Skeleton) -> Vec<String> {
    let raw = article.raw();
    let id = s.id.map_or_else(|| format!("{}-quiz", raw.id), str::to_string);
    let title = s.title.map_or_else(|| format!("Quiz: {}", raw.title), str::to_string);
    let mut head = vec![
        format!("\"$schema\": {}", q(s.schema_ref)),
        format!("\"format\": {}", q(BANK_FORMAT)),
        format!("\"id\": {}", q(&id)),
        format!("\"title\": {}", q(&title)),
        format!("\"article\": {}", q(s.article_ref)),
    ];
    head.extend(raw.language.as_deref().map(|l| format!("\"language\": {}", q(l))));
    head.extend([
        "\"pass_percent\": 60".to_string(),
        "\"tries\": 1".to_string(),
        "\"shuffle_questions\": true".to_string(),
        "\"shuffle_options\": true".to_string(),
    ]);
    head
}

/// The bank's text: the head's members, then the questions (each an
/// object already indented by four spaces).
fn layout(head: &[String], questions: &[String]) -> String {
    let mut out = String::from("{\n");
    for h in head {
        out.push_str("  ");
        out.push_str(h);
        out.push_str(",\n");
    }
    out.push_str("  \"questions\": [\n");
    out.push_str(&questions.join(",\n"));
    out.push_str("\n  ]\n}\n");
    out
}

/// A bank for `article` as `skeleton` lays one out, holding `questions`
/// (imported from another format) rather than the example; each question
/// that cites nothing gets the article's best sentence for it, marked
/// `"suggested": true` (`suggest::fill_missing`).
///
/// # Errors
/// A question cannot be serialized, or the text made does not read back
/// (neither should happen: `internal`).
pub fn bank_with(
    article: &Article,
    s: &Skeleton,
    questions: &[RawQuestion],
) -> Result<crate::author::suggest::Filled, Vec<Diagnostic>> {
    let internal = |e: String| vec![Diagnostic::error(crate::diag::Code::INTERNAL, "", e)];
    let mut objects = Vec::new();
    for question in questions {
        let json = serde_json::to_string_pretty(question).map_err(|e| internal(e.to_string()))?;
        let indented: Vec<String> = json.lines().map(|l| format!("    {l}")).collect();
        objects.push(indented.join("\n"));
    }
    let text = layout(&head(article, s), &objects);
    crate::author::suggest::fill_missing(&text, article)
}

/// Where a new bank goes: its article, read and checked, and the paths the
/// bank names relative to its folder.
pub struct Placed {
    /// The article.
    pub article: Article,
    /// The article file, relative to the bank's folder.
    pub article_ref: String,
    /// The JSON Schema, relative to the bank's folder, or its URL.
    pub schema_ref: String,
}

/// Reads the article file `article` and works out how the bank `out`
/// names it and the schema (see `write_skeleton`).
///
/// # Errors
/// The article cannot be read or does not check; `out`'s folder does not
/// exist.
pub fn place(article: &Path, out: &Path) -> Result<Placed, Vec<Diagnostic>> {
    let (parsed, _) = crate::files::load_article(article).map_err(|(d, _)| d)?;
    let absolute = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let out_abs = absolute(out);
    let dir = out_abs.parent().map(Path::to_path_buf).unwrap_or_default();
    if !dir.is_dir() {
        let mut d = Diagnostic::error(
            crate::diag::Code::IO,
            "",
            format!("the folder {} does not exist", dir.display()),
        )
        .with_help("create the folder first, or choose another --out");
        d.file = Some(out.to_string_lossy().into_owned());
        return Err(vec![d]);
    }
    let schema = find_schema(&dir).map(|p| relative(&dir, &p));
    Ok(Placed {
        article: parsed,
        article_ref: relative(&dir, &absolute(article)),
        schema_ref: schema.unwrap_or_else(|| crate::bank::SCHEMA_ID.to_string()),
    })
}

/// Creates the bank `out` for the article file `article`, with the article
/// and the schema named relative to `out`'s folder (the schema is looked
/// for as `citequiz-bank-1.schema.json`, or `quiz-data/` and that, in the
/// folder and each one above; failing that it is named by its URL).
/// Returns the text written.
///
/// # Errors
/// `out` exists (it is never overwritten) or its folder does not; the
/// article cannot be read or does not check; the file cannot be written.
pub fn write_skeleton(
    article: &Path,
    out: &Path,
    id: Option<&str>,
    title: Option<&str>,
) -> Result<String, Vec<Diagnostic>> {
    let fail = |message: String, help: &str| {
        let mut d = Diagnostic::error(crate::diag::Code::IO, "", message).with_help(help);
        d.file = Some(out.to_string_lossy().into_owned());
        vec![d]
    };
    if out.exists() {
        return Err(fail(
            format!("{} already exists", out.display()),
            "choose another --out, or delete the file first: new never overwrites",
        ));
    }
    let placed = place(article, out)?;
    let text = skeleton(
        &placed.article,
        &Skeleton { article_ref: &placed.article_ref, schema_ref: &placed.schema_ref, id, title },
    );
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(out)
        .and_then(|mut f| f.write_all(text.as_bytes()));
    match written {
        Ok(()) => Ok(text),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(fail(
            format!("{} already exists", out.display()),
            "choose another --out, or delete the file first: new never overwrites",
        )),
        Err(e) => Err(fail(format!("cannot write {}: {e}", out.display()), "check the path")),
    }
}

/// The schema file in `dir` or a folder above it, directly or in `quiz-data/`.
fn find_schema(dir: &Path) -> Option<PathBuf> {
    dir.ancestors().find_map(|d| {
        [d.join(SCHEMA_FILE), d.join("quiz-data").join(SCHEMA_FILE)]
            .into_iter()
            .find(|p| p.is_file())
    })
}

/// `to` relative to the folder `from` (both absolute), with `/` between
/// parts whatever the platform, as bank files name their article.
pub fn relative(from: &Path, to: &Path) -> String {
    let from: Vec<Component> = from.components().filter(|c| *c != Component::CurDir).collect();
    let to: Vec<Component> = to.components().filter(|c| *c != Component::CurDir).collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".to_string(); from.len() - common];
    parts.extend(to.iter().skip(common).map(|c| c.as_os_str().to_string_lossy().into_owned()));
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_relative_to_the_bank_folder() {
        let check = |from: &str, to: &str, expected: &str| {
            assert_eq!(relative(Path::new(from), Path::new(to)), expected, "{from} → {to}");
        };
        check("/w/quiz-data/banks", "/w/quiz-data/articles/a.json", "../articles/a.json");
        check("/w/banks", "/w/banks/a.json", "a.json");
        check("/w/a/b/c", "/w/x.json", "../../../x.json");
        check("/w/./banks", "/w/banks/./a.json", "a.json");
    }
}
