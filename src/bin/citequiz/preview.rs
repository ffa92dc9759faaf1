//! `citequiz preview`: write a bank and see it. Serves the bank's quiz
//! (www/preview.html) on loopback, watches the bank and its article, and on
//! every save tells the page (server-sent events) to reload; the page shows
//! the same diagnostics as `citequiz check`, in place of the quiz when there
//! are errors and beside it when there are only warnings.
//!
//! Of the disk, only the bank and the article it names are served, at URLs
//! laid out so that the bank's relative `article` path resolves in the
//! browser as it does on disk.

use crate::serve::{self, Limits, Roots, Routes, respond};
use citequiz::files::load_bank;
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Duration;

/// Serve a bank's quiz and reload it on every save, for development
///
/// Open the printed address: the quiz, with every problem `citequiz check`
/// would report listed beside it (or in its place, when there are errors).
/// Each save of the bank or its article reloads the page within a second,
/// at the question you were on.
#[derive(clap::Args)]
#[command(after_help = crate::EXIT_CODES)]
pub struct Args {
    /// The bank file (JSON) to preview.
    #[arg(value_name = "BANK")]
    bank: PathBuf,
    /// The port on 127.0.0.1 (0: any free one; the address is printed).
    #[arg(long, env = "PORT", default_value_t = 8000)]
    port: u16,
    /// The web folder with the built widget (www/pkg: bash scripts/build-wasm.sh).
    #[arg(long, value_name = "DIR", default_value = "www")]
    www: PathBuf,
}

/// How often the files are looked at.
const POLL: Duration = Duration::from_millis(200);
/// How long an event stream stays silent before a comment keeps it open.
const KEEPALIVE: Duration = Duration::from_secs(15);

/// What the page is told, made again on every change.
struct State {
    /// Counts the changes seen; the page reloads when it differs from the
    /// one its status had.
    version: u64,
    /// The bank's and the article's bytes as last read (None: unreadable).
    seen: (Option<Vec<u8>>, Option<Vec<u8>>),
    /// The status document (JSON).
    status: String,
    /// URL path → file, for the bank and its article.
    files: Vec<(String, PathBuf)>,
}

struct Preview {
    bank: PathBuf,
    www: PathBuf,
    state: Mutex<State>,
    changed: Condvar,
}

pub fn run(a: &Args) -> ExitCode {
    if !a.www.join("pkg/citequiz_bg.wasm").is_file() {
        eprintln!(
            "error: {} has no built widget (pkg/citequiz_bg.wasm)\n  = help: run `bash scripts/build-wasm.sh` (or `make wasm`) first, or pass --www DIR",
            a.www.display()
        );
        return ExitCode::from(1);
    }
    let Some((listener, port)) = serve::bind(a.port) else { return ExitCode::from(1) };
    let preview = Arc::new(Preview {
        bank: a.bank.clone(),
        www: a.www.clone(),
        state: Mutex::new(State {
            version: 0,
            seen: (None, None),
            status: String::new(),
            files: Vec::new(),
        }),
        changed: Condvar::new(),
    });
    preview.look();
    println!(
        "citequiz: previewing {} at http://127.0.0.1:{port}/ (reloads on every save; for development)",
        a.bank.display()
    );
    let watcher = Arc::clone(&preview);
    let spawned = std::thread::Builder::new().spawn(move || {
        loop {
            std::thread::sleep(POLL);
            watcher.look();
        }
    });
    if let Err(e) = spawned {
        eprintln!("error: cannot watch {}: {e}", a.bank.display());
        return ExitCode::from(1);
    }
    let roots = Roots { www: a.www.clone(), data: PathBuf::new() };
    serve::serve_with(listener, roots, Limits::DEFAULT, Some(preview));
    ExitCode::SUCCESS
}

impl Preview {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Reads the bank and its article; when either changed since the last
    /// look, checks them again and wakes the event streams.
    fn look(&self) {
        let bank = std::fs::read(&self.bank).ok();
        let article = self.lock().files.get(1).and_then(|(_, p)| std::fs::read(p).ok());
        {
            let state = self.lock();
            if state.version > 0 && state.seen == (bank.clone(), article.clone()) {
                return;
            }
        }
        let loaded = load_bank(&self.bank);
        let article_path = loaded.article_file.as_ref().map(|f| f.path.clone());
        let files =
            urls(&self.bank, loaded.bank_file.as_ref().map(|f| f.text.as_str()), article_path);
        let status = serde_json::json!({
            "file": self.bank.display().to_string(),
            "bank": files.first().map(|(url, _)| url.clone()),
            "diagnostics": loaded.diagnostics,
        });
        // The article as read now: a change to it after this look is a change.
        let article = files.get(1).and_then(|(_, p)| std::fs::read(p).ok());
        let mut state = self.lock();
        state.version += 1;
        let mut status = status;
        status["version"] = state.version.into();
        state.status = status.to_string();
        state.files = files;
        state.seen = (bank, article);
        self.changed.notify_all();
    }

    /// An event stream: the current version at once, then each new one.
    fn events(&self, stream: &mut TcpStream) {
        use std::io::Write;
        let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\
                    Cache-Control: no-store\r\nConnection: close\r\n\r\nretry: 1000\n\n";
        if stream.write_all(head.as_bytes()).is_err() {
            return;
        }
        let mut sent = None;
        let mut state = self.lock();
        loop {
            let message = if sent == Some(state.version) {
                ": still watching\n\n".to_string()
            } else {
                sent = Some(state.version);
                format!("event: change\ndata: {}\n\n", state.version)
            };
            drop(state);
            if stream.write_all(message.as_bytes()).is_err() {
                return;
            }
            state = self.lock();
            if sent == Some(state.version) {
                state = match self.changed.wait_timeout(state, KEEPALIVE) {
                    Ok((s, _)) => s,
                    Err(poisoned) => poisoned.into_inner().0,
                };
            }
        }
    }
}

impl Routes for Preview {
    fn answer(&self, path: &str, stream: &mut TcpStream, head_only: bool) -> bool {
        match path {
            "/" | "/index.html" => match std::fs::read(self.www.join("preview.html")) {
                Ok(body) => respond(stream, "200 OK", "text/html; charset=utf-8", &body, head_only),
                Err(_) => serve::refuse(stream, "404 Not Found", "no preview.html\n", head_only),
            },
            "/preview/status" => {
                let status = self.lock().status.clone();
                respond(
                    stream,
                    "200 OK",
                    "application/json; charset=utf-8",
                    status.as_bytes(),
                    head_only,
                );
            }
            "/preview/events" => self.events(stream),
            _ if path.starts_with("/preview/") => {
                let decoded = serve::percent_decode(path);
                let file = decoded.and_then(|p| {
                    self.lock().files.iter().find(|(url, _)| *url == p).map(|(_, f)| f.clone())
                });
                match file.and_then(|f| std::fs::read(&f).ok().map(|b| (f, b))) {
                    Some((f, body)) => respond(stream, "200 OK", serve::mime(&f), &body, head_only),
                    None => serve::refuse(stream, "404 Not Found", "not found\n", head_only),
                }
            }
            _ => return false,
        }
        true
    }
}

/// The URL paths of the bank and its article: the bank deep enough under
/// /preview/files/ that every `..` of its `article` path stays inside.
fn urls(bank: &Path, text: Option<&str>, article: Option<PathBuf>) -> Vec<(String, PathBuf)> {
    let name = bank.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let rel = text.and_then(|t| citequiz::bank::article_path(t).ok());
    let segments: Vec<&str> = rel.as_deref().map(|r| r.split('/').collect()).unwrap_or_default();
    // How far the path climbs above the bank's folder.
    let (mut depth, mut climb) = (0i64, 0i64);
    for s in &segments {
        match *s {
            ".." => depth -= 1,
            "." | "" => {}
            _ => depth += 1,
        }
        climb = climb.max(-depth);
    }
    let mut dir: Vec<String> = (0..climb).map(|_| "d".to_string()).collect();
    let bank_url = format!("/preview/files/{}{name}", "d/".repeat(dir.len()));
    let mut files = vec![(bank_url, bank.to_path_buf())];
    if let (Some(article), false) = (article, segments.is_empty()) {
        let last = segments.len() - 1;
        for s in &segments[..last] {
            match *s {
                ".." => drop(dir.pop()),
                "." | "" => {}
                s => dir.push(s.to_string()),
            }
        }
        dir.push(segments[last].to_string());
        files.push((format!("/preview/files/{}", dir.join("/")), article));
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(article: &str, bank_url: &str, article_url: &str) {
        let text = format!(r#"{{"article": "{article}"}}"#);
        let files = urls(Path::new("x/banks/b.json"), Some(&text), Some(PathBuf::from("a.json")));
        assert_eq!(files[0].0, bank_url, "{article}");
        assert_eq!(files[1].0, article_url, "{article}");
    }

    #[test]
    fn the_article_url_resolves_from_the_bank_url_as_the_path_does_on_disk() {
        check("a.json", "/preview/files/b.json", "/preview/files/a.json");
        check("../articles/a.json", "/preview/files/d/b.json", "/preview/files/articles/a.json");
        check("../../x/../a.json", "/preview/files/d/d/b.json", "/preview/files/a.json");
        check("./sub/a.json", "/preview/files/b.json", "/preview/files/sub/a.json");
    }
}
