//! `citequiz serve`: a small static file server for the demo and the
//! browser tests, on loopback only.
//!
//! `/quiz-data/…` is served from the data folder, everything else from the
//! web folder. Every response carries CORS headers so a page on another
//! origin can load the widget, its Wasm and the banks. GET and HEAD only;
//! paths with `..` or NUL are refused.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::time::Duration;

/// Where the server reads from.
pub struct Roots {
    /// Served at `/`.
    pub www: PathBuf,
    /// Served at `/quiz-data/`.
    pub data: PathBuf,
}

/// The Content-Type for a file name.
fn mime(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" | "md" => "text/plain; charset=utf-8",
        "zip" => "application/zip",
        "xml" => "application/xml",
        _ => "application/octet-stream",
    }
}

/// Decodes %XX escapes; None for malformed ones or a decoded NUL.
fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = std::str::from_utf8(b.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    let s = String::from_utf8(out).ok()?;
    (!s.contains('\0')).then_some(s)
}

/// Maps a request path to a file, refusing anything that leaves the roots.
fn resolve(roots: &Roots, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let path = percent_decode(path)?;
    let (root, rest) = match path.strip_prefix("/quiz-data/") {
        Some(rest) => (&roots.data, rest.to_string()),
        None => (&roots.www, path.trim_start_matches('/').to_string()),
    };
    let rel = Path::new(&rest);
    if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return None;
    }
    let mut full = root.join(rel);
    if full.is_dir() {
        full = full.join("index.html");
    }
    Some(full)
}

fn respond(stream: &mut TcpStream, status: &str, ctype: &str, body: &[u8], head_only: bool) {
    let header = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\n\
         Access-Control-Allow-Origin: *\r\nAccess-Control-Allow-Methods: GET, HEAD, OPTIONS\r\n\
         Access-Control-Allow-Headers: *\r\nCross-Origin-Resource-Policy: cross-origin\r\n\
         X-Content-Type-Options: nosniff\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n",
        body.len()
    );
    // One write: a header and a body sent apart meet Nagle's algorithm and
    // the browser's delayed ACK, which held each response back ~40 ms.
    let mut response = header.into_bytes();
    if !head_only {
        response.extend_from_slice(body);
    }
    let _ = stream.write_all(&response);
}

fn handle(mut stream: TcpStream, roots: &Roots) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let _ = stream.set_nodelay(true);
    let mut reader = BufReader::new(match stream.try_clone() {
        Ok(s) => s,
        Err(_) => return,
    });
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    // Drain the headers; the server needs none of them.
    let mut line = String::new();
    while reader.read_line(&mut line).map(|n| n > 2).unwrap_or(false) {
        line.clear();
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    match method {
        "OPTIONS" => return respond(&mut stream, "204 No Content", "text/plain", b"", false),
        "GET" | "HEAD" => {}
        _ => {
            return respond(
                &mut stream,
                "405 Method Not Allowed",
                "text/plain",
                b"GET and HEAD only\n",
                false,
            );
        }
    }
    let head_only = method == "HEAD";
    match resolve(roots, target).map(|p| (std::fs::read(&p), p)) {
        Some((Ok(body), path)) => respond(&mut stream, "200 OK", mime(&path), &body, head_only),
        Some((Err(_), _)) => respond(
            &mut stream,
            "404 Not Found",
            "text/plain; charset=utf-8",
            b"not found\n",
            head_only,
        ),
        None => respond(
            &mut stream,
            "400 Bad Request",
            "text/plain; charset=utf-8",
            b"bad path\n",
            head_only,
        ),
    }
}

/// Serves until killed, one thread per connection.
///
/// # Errors
/// The port cannot be bound.
pub fn serve(port: u16, roots: Roots) -> std::io::Result<()> {
    let listener = TcpListener::bind(("127.0.0.1", port))?;
    let roots = std::sync::Arc::new(roots);
    println!(
        "citequiz: serving {} at http://127.0.0.1:{}/ (quiz-data at /quiz-data/)",
        roots.www.display(),
        listener.local_addr()?.port()
    );
    for stream in listener.incoming().flatten() {
        let roots = std::sync::Arc::clone(&roots);
        std::thread::spawn(move || handle(stream, &roots));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(target: &str, expected: Option<&str>) {
        let roots = Roots { www: PathBuf::from("/w"), data: PathBuf::from("/d") };
        assert_eq!(
            resolve(&roots, target).map(|p| p.to_string_lossy().into_owned()).as_deref(),
            expected,
            "{target}"
        );
    }

    #[test]
    fn paths_map_to_roots_and_never_leave_them() {
        check("/index.html?bank=x", Some("/w/index.html"));
        check("/quiz-data/banks/a.json", Some("/d/banks/a.json"));
        check("/pkg/citequiz_bg.wasm", Some("/w/pkg/citequiz_bg.wasm"));
        check("/../etc/passwd", None);
        check("/quiz-data/../../etc/passwd", None);
        check("/%2e%2e/etc/passwd", None);
        check("/a%00b", None);
        check("/a%zz", None);
    }
}
