//! `citequiz serve`: a static file server for development (the demo and
//! the browser tests), on loopback only. Not for production.
//!
//! `/quiz-data/…` is served from the data folder, everything else from the
//! web folder. Every response carries CORS headers so a page on another
//! origin can load the widget, its Wasm and the banks. GET and HEAD only.
//!
//! It answers as a course site's static host does, so that the demo and
//! the benchmark see what learners would: HTTP/1.1 persistent connections
//! (keep-alive, Content-Length on every answer), bodies compressed as the
//! browser accepts (brotli or gzip, for text, JSON, JS, CSS, SVG and Wasm),
//! and validators (a strong ETag per encoding, Last-Modified) with
//! `Cache-Control: no-cache`, so the browser revalidates a file being
//! edited and gets 304 while it is unchanged (`files`).
//!
//! Its limits (`Limits`): a request head (line and headers) larger than
//! 8 KiB is refused, and one not complete in 10 s is dropped; a kept-alive
//! connection idle for 5 s is closed, and one closes after 1,000 requests;
//! one thread per connection, so a slow client holds only its own, and at
//! most 128 at once (more get 503). No request reaches a file outside the
//! two folders: paths with `..` or NUL are refused, and so is a symlink that
//! leads out.

mod files;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Serve the widget and the banks on 127.0.0.1, for development only
///
/// The widget (www/) at / and the banks (quiz-data/) at /quiz-data/, on
/// loopback, for development only (the demo, the browser tests): not a
/// production server.
#[derive(clap::Args)]
#[command(after_help = crate::EXIT_CODES)]
pub struct Args {
    /// The port on 127.0.0.1 (0: any free one; the address is printed).
    #[arg(long, env = "PORT", default_value_t = 8000)]
    port: u16,
    /// The web folder, served at /.
    #[arg(long, value_name = "DIR", default_value = "www")]
    www: PathBuf,
    /// The data folder (articles, banks), served at /quiz-data/.
    #[arg(long, value_name = "DIR", default_value = "quiz-data")]
    data: PathBuf,
}

/// Serves until killed; exit 1 when the port cannot be bound.
pub fn run(a: &Args) -> ExitCode {
    let roots = Roots { www: a.www.clone(), data: a.data.clone() };
    let Some((listener, port)) = bind(a.port) else { return ExitCode::from(1) };
    println!(
        "citequiz: serving {} at http://127.0.0.1:{port}/ (quiz-data at /quiz-data/), for development",
        roots.www.display()
    );
    serve(listener, roots, Limits::DEFAULT);
    ExitCode::SUCCESS
}

/// A listener on 127.0.0.1:`port` (0: any free one) and the port it got;
/// None, said on stderr, when the port cannot be bound.
pub fn bind(port: u16) -> Option<(TcpListener, u16)> {
    let bound = TcpListener::bind(("127.0.0.1", port)).and_then(|l| {
        let port = l.local_addr()?.port();
        Ok((l, port))
    });
    match bound {
        Ok(bound) => Some(bound),
        Err(e) => {
            eprintln!(
                "error: cannot serve on 127.0.0.1:{port}: {e}; choose another with --port or $PORT"
            );
            None
        }
    }
}

/// Where the server reads from.
pub struct Roots {
    /// Served at `/`.
    pub www: PathBuf,
    /// Served at `/quiz-data/`.
    pub data: PathBuf,
}

/// What one client may take of the server.
#[derive(Clone, Copy)]
pub struct Limits {
    /// The request line and headers together, in bytes.
    pub head_bytes: usize,
    /// The time to send them, from the connection's start.
    pub head_time: Duration,
    /// Connections served at once.
    pub connections: usize,
    /// How long a kept-alive connection may wait for its next request.
    pub idle: Duration,
    /// Requests on one connection, after which it closes.
    pub requests: usize,
}

impl Limits {
    /// Browsers keep up to six idle connections per host: 128 leaves room
    /// for about twenty pages open at once.
    pub const DEFAULT: Limits = Limits {
        head_bytes: 8 * 1024,
        head_time: Duration::from_secs(10),
        connections: 128,
        idle: Duration::from_secs(5),
        requests: 1000,
    };
}

/// The Content-Type for a file name.
pub fn mime(path: &Path) -> &'static str {
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
pub fn percent_decode(s: &str) -> Option<String> {
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

/// Why a request gets no file.
#[derive(Debug, PartialEq)]
enum Refused {
    /// Malformed, or `..`, NUL or a root in the path: 400.
    BadPath,
    /// A symlink that leads out of its root: 403.
    Outside,
    /// Nothing there (or unreadable): 404.
    NotFound,
}

/// Maps a request path to a file under its root, refusing `..`, NUL and
/// absolute parts; does not touch the file system.
fn resolve<'a>(roots: &'a Roots, target: &str) -> Result<(&'a Path, PathBuf), Refused> {
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let path = percent_decode(path).ok_or(Refused::BadPath)?;
    let (root, rest) = match path.strip_prefix("/quiz-data/") {
        Some(rest) => (&roots.data, rest.to_string()),
        None => (&roots.www, path.trim_start_matches('/').to_string()),
    };
    let rel = Path::new(&rest);
    if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return Err(Refused::BadPath);
    }
    Ok((root, root.join(rel)))
}

/// The file a request names (a folder means its `index.html`) and where it
/// really is; symlinks are followed only while they stay inside the root.
/// The first path is the one asked for, whose extension gives the
/// Content-Type.
fn open(roots: &Roots, target: &str) -> Result<(PathBuf, PathBuf), Refused> {
    let (root, mut full) = resolve(roots, target)?;
    if full.is_dir() {
        full = full.join("index.html");
    }
    let root = root.canonicalize().map_err(|_| Refused::NotFound)?;
    let real = full.canonicalize().map_err(|_| Refused::NotFound)?;
    if !real.starts_with(&root) {
        return Err(Refused::Outside);
    }
    if !real.is_file() {
        return Err(Refused::NotFound);
    }
    Ok((full, real))
}

/// The headers on every answer: CORS, so that a page on another origin can
/// load the widget, its Wasm and the banks; nosniff; and `no-cache`, so the
/// browser revalidates (the files may be being edited).
const COMMON_HEADERS: &str = "Access-Control-Allow-Origin: *\r\n\
     Access-Control-Allow-Methods: GET, HEAD, OPTIONS\r\nAccess-Control-Allow-Headers: *\r\n\
     Cross-Origin-Resource-Policy: cross-origin\r\nX-Content-Type-Options: nosniff\r\n\
     Cache-Control: no-cache\r\n";

/// Writes one answer: `status`, the common headers, `extra` (lines ending
/// in CRLF), Content-Length unless the status forbids a body, and the body
/// unless `head_only`. `keep` says whether the connection stays open.
fn write_answer(
    stream: &mut TcpStream,
    status: &str,
    extra: &str,
    body: &[u8],
    head_only: bool,
    keep: bool,
) -> bool {
    let length = if status.starts_with("304") {
        String::new()
    } else {
        format!("Content-Length: {}\r\n", body.len())
    };
    let connection = if keep { "keep-alive" } else { "close" };
    let header = format!(
        "HTTP/1.1 {status}\r\n{extra}{length}{COMMON_HEADERS}Connection: {connection}\r\n\r\n"
    );
    // One write: a header and a body sent apart meet Nagle's algorithm and
    // the browser's delayed ACK, which held each response back ~40 ms.
    let mut response = header.into_bytes();
    if !head_only {
        response.extend_from_slice(body);
    }
    stream.write_all(&response).is_ok()
}

/// An answer of `ctype` that closes the connection after it (a route's).
pub fn respond(stream: &mut TcpStream, status: &str, ctype: &str, body: &[u8], head_only: bool) {
    write_answer(stream, status, &format!("Content-Type: {ctype}\r\n"), body, head_only, false);
}

/// A short plain-text answer that closes the connection after it.
pub fn refuse(stream: &mut TcpStream, status: &str, text: &str, head_only: bool) {
    respond(stream, status, "text/plain; charset=utf-8", text.as_bytes(), head_only);
}

/// A short plain-text answer; the connection stays open when `keep`.
fn refuse_keep(
    stream: &mut TcpStream,
    status: &str,
    text: &str,
    head_only: bool,
    keep: bool,
) -> bool {
    let ctype = "Content-Type: text/plain; charset=utf-8\r\n";
    write_answer(stream, status, ctype, text.as_bytes(), head_only, keep)
}

/// A request's line and the headers the server reads.
#[derive(Debug, Default)]
struct Request {
    method: String,
    target: String,
    /// HTTP/1.1 without `Connection: close`: the client keeps the connection.
    keep: bool,
    /// A body follows (Content-Length above 0, or Transfer-Encoding): the
    /// server does not read bodies, so it answers and closes.
    has_body: bool,
    accept_encoding: Option<String>,
    if_none_match: Option<String>,
    if_modified_since: Option<String>,
}

impl Request {
    fn parse(head: &str) -> Request {
        let mut lines = head.lines();
        let mut first = lines.next().unwrap_or("").split_whitespace();
        let mut r = Request {
            method: first.next().unwrap_or("").to_string(),
            target: first.next().unwrap_or("/").to_string(),
            ..Request::default()
        };
        r.keep = first.next() == Some("HTTP/1.1");
        for line in lines {
            let Some((name, value)) = line.split_once(':') else { continue };
            let value = value.trim().to_string();
            match name.trim().to_ascii_lowercase().as_str() {
                "connection"
                    if value.split(',').any(|v| v.trim().eq_ignore_ascii_case("close")) =>
                {
                    r.keep = false;
                }
                "content-length" => r.has_body |= value != "0",
                "transfer-encoding" => r.has_body = true,
                "accept-encoding" => r.accept_encoding = Some(value),
                "if-none-match" => r.if_none_match = Some(value),
                "if-modified-since" => r.if_modified_since = Some(value),
                _ => {}
            }
        }
        r
    }
}

/// How reading a request head ended.
enum Head {
    /// The head, without its blank line.
    Request(String),
    /// Longer than `Limits::head_bytes`.
    TooLarge,
    /// Closed, timed out, or not UTF-8: no answer is owed.
    Gone,
}

/// A connection and what has been read from it past the last head (a
/// pipelined request's start).
struct Conn {
    stream: TcpStream,
    buf: Vec<u8>,
}

impl Conn {
    /// Reads up to the blank line that ends the next head. The first head
    /// must be complete within `head_time` of the connection's start; a
    /// later one must begin within `idle` of the last answer and then be
    /// complete within `head_time`, so a client that sends a byte now and
    /// then, or nothing, cannot hold its thread for long.
    fn read_head(&mut self, limits: Limits, first: bool) -> Head {
        let mut deadline = Instant::now() + if first { limits.head_time } else { limits.idle };
        let mut started = first || !self.buf.is_empty();
        let mut chunk = [0u8; 4096];
        loop {
            if !started && !self.buf.is_empty() {
                started = true;
                deadline = Instant::now() + limits.head_time;
            }
            if let Some((end, next)) = head_end(&self.buf) {
                if end > limits.head_bytes {
                    return Head::TooLarge;
                }
                let rest = self.buf.split_off(next);
                self.buf.truncate(end);
                let head = std::mem::replace(&mut self.buf, rest);
                return match String::from_utf8(head) {
                    Ok(head) => Head::Request(head),
                    Err(_) => Head::Gone,
                };
            }
            if self.buf.len() > limits.head_bytes {
                return Head::TooLarge;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() || self.stream.set_read_timeout(Some(left)).is_err() {
                return Head::Gone;
            }
            match self.stream.read(&mut chunk) {
                Ok(0) | Err(_) => return Head::Gone,
                Ok(n) => self.buf.extend_from_slice(&chunk[..n]),
            }
        }
    }
}

/// Where the head in `buf` ends (before its blank line) and where the next
/// request starts, with CRLF or bare LF line endings.
fn head_end(buf: &[u8]) -> Option<(usize, usize)> {
    let crlf = buf.windows(4).position(|w| w == b"\r\n\r\n").map(|i| (i, i + 4));
    let lf = buf.windows(2).position(|w| w == b"\n\n").map(|i| (i, i + 2));
    match (crlf, lf) {
        (Some(a), Some(b)) => Some(if a.0 < b.0 { a } else { b }),
        (a, b) => a.or(b),
    }
}

/// Reads and drops what the client still sends, until it closes or the
/// deadline: closing on unread data resets the connection, and the client
/// may lose the answer already sent.
fn drain(stream: &mut TcpStream, deadline: Instant) {
    let _ = stream.shutdown(std::net::Shutdown::Write);
    let mut chunk = [0u8; 4096];
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() || stream.set_read_timeout(Some(left)).is_err() {
            return;
        }
        if !matches!(stream.read(&mut chunk), Ok(n) if n > 0) {
            return;
        }
    }
}

/// Requests a command answers itself, before the static files (`citequiz
/// preview`: its page, the bank's status, change events, the bank and its
/// article).
pub trait Routes: Send + Sync {
    /// Answers `path` (the request path without its query) on `stream`, or
    /// returns false to leave it to the static files. The connection closes
    /// after a route's answer.
    fn answer(&self, path: &str, stream: &mut TcpStream, head_only: bool) -> bool;
}

/// What every connection's thread shares.
struct Site {
    roots: Roots,
    files: files::Cache,
    routes: Option<Arc<dyn Routes>>,
}

/// Serves one connection: request after request while the client keeps it
/// (HTTP/1.1 keep-alive), at most `Limits::requests`, each head within the
/// limits of size and time.
fn handle(stream: TcpStream, site: &Site, limits: Limits) {
    let _ = stream.set_nodelay(true);
    let _ = stream.set_write_timeout(Some(Duration::from_secs(30)));
    let mut conn = Conn { stream, buf: Vec::new() };
    for served in 0..limits.requests {
        let request = match conn.read_head(limits, served == 0) {
            Head::Request(head) => Request::parse(&head),
            Head::TooLarge => {
                let (status, text) = ("431 Request Header Fields Too Large", "request too large\n");
                refuse(&mut conn.stream, status, text, false);
                return drain(&mut conn.stream, Instant::now() + Duration::from_secs(1));
            }
            Head::Gone => return,
        };
        let keep = request.keep && !request.has_body && served + 1 < limits.requests;
        if !answer(&mut conn.stream, site, &request, keep) || !keep {
            if request.has_body {
                drain(&mut conn.stream, Instant::now() + Duration::from_secs(1));
            }
            return;
        }
    }
}

/// Answers one request; false when the connection must close after it.
fn answer(stream: &mut TcpStream, site: &Site, r: &Request, keep: bool) -> bool {
    match r.method.as_str() {
        "OPTIONS" => return write_answer(stream, "204 No Content", "", b"", false, keep),
        "GET" | "HEAD" => {}
        _ => {
            return refuse_keep(
                stream,
                "405 Method Not Allowed",
                "GET and HEAD only\n",
                false,
                keep,
            );
        }
    }
    let head_only = r.method == "HEAD";
    let path = r.target.split(['?', '#']).next().unwrap_or("/");
    if site.routes.as_ref().is_some_and(|routes| routes.answer(path, stream, head_only)) {
        return false;
    }
    let refused =
        |stream: &mut TcpStream, status, text| refuse_keep(stream, status, text, head_only, keep);
    match open(&site.roots, &r.target) {
        Ok((path, real)) => {
            let ctype = mime(&path);
            let conditions = files::Conditions {
                accept_encoding: r.accept_encoding.as_deref(),
                if_none_match: r.if_none_match.as_deref(),
                if_modified_since: r.if_modified_since.as_deref(),
            };
            match site.files.answer(&real, ctype, &conditions) {
                Ok(a) => {
                    let status = if a.not_modified { "304 Not Modified" } else { "200 OK" };
                    let extra = format!("Content-Type: {ctype}\r\n{}", a.headers);
                    write_answer(stream, status, &extra, &a.body, head_only, keep)
                }
                Err(_) => refused(stream, "404 Not Found", "not found\n"),
            }
        }
        Err(Refused::NotFound) => refused(stream, "404 Not Found", "not found\n"),
        Err(Refused::Outside) => refused(stream, "403 Forbidden", "outside the served folders\n"),
        Err(Refused::BadPath) => refused(stream, "400 Bad Request", "bad path\n"),
    }
}

/// Counts a connection while it lives.
struct Slot(Arc<AtomicUsize>);

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Serves `listener` until the process ends, one thread per connection.
pub fn serve(listener: TcpListener, roots: Roots, limits: Limits) {
    serve_with(listener, roots, limits, None);
}

/// Serves `listener` as [`serve`] does, with `routes` asked first.
pub fn serve_with(
    listener: TcpListener,
    roots: Roots,
    limits: Limits,
    routes: Option<Arc<dyn Routes>>,
) {
    let site = Arc::new(Site { roots, files: files::Cache::default(), routes });
    let live = Arc::new(AtomicUsize::new(0));
    for mut stream in listener.incoming().flatten() {
        if live.fetch_add(1, Ordering::SeqCst) >= limits.connections {
            live.fetch_sub(1, Ordering::SeqCst);
            let _ = stream.set_write_timeout(Some(Duration::from_secs(1)));
            refuse(&mut stream, "503 Service Unavailable", "too many connections\n", false);
            continue;
        }
        let slot = Slot(Arc::clone(&live));
        let site = Arc::clone(&site);
        let spawned = std::thread::Builder::new().spawn(move || {
            let _slot = slot;
            handle(stream, &site, limits);
        });
        // A thread that cannot start drops its stream and slot with it.
        drop(spawned);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::SocketAddr;

    fn check(target: &str, expected: Option<&str>) {
        let roots = Roots { www: PathBuf::from("/w"), data: PathBuf::from("/d") };
        assert_eq!(
            resolve(&roots, target).ok().map(|(_, p)| p.to_string_lossy().into_owned()).as_deref(),
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

    /// A fresh, empty folder under the system's temporary one.
    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("citequiz-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    /// A server on a free loopback port, serving `www` (and `www/data` at
    /// /quiz-data/) with `limits`, until the test process ends.
    fn start(www: &Path, limits: Limits) -> SocketAddr {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let roots = Roots { www: www.to_path_buf(), data: www.join("data") };
        std::thread::spawn(move || serve(listener, roots, limits));
        addr
    }

    fn connect(addr: SocketAddr) -> TcpStream {
        let stream = TcpStream::connect(addr).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        stream
    }

    /// One answer read from `stream`: its head (status line and headers)
    /// and its body, Content-Length bytes long (none for 304 or a HEAD).
    fn read_answer(stream: &mut TcpStream, head_only: bool) -> (String, Vec<u8>) {
        let mut buf = Vec::new();
        let mut byte = [0u8; 1];
        while !buf.ends_with(b"\r\n\r\n") {
            match stream.read(&mut byte) {
                Ok(1) => buf.push(byte[0]),
                _ => return (String::from_utf8_lossy(&buf).into_owned(), Vec::new()),
            }
        }
        let head = String::from_utf8(buf).unwrap();
        let length = header(&head, "content-length").map_or(0, |l| l.parse().unwrap());
        let mut body = vec![0u8; if head_only || head.contains(" 304 ") { 0 } else { length }];
        stream.read_exact(&mut body).unwrap();
        (head, body)
    }

    /// The value of header `name` in an answer's head.
    fn header<'a>(head: &'a str, name: &str) -> Option<&'a str> {
        head.lines().find_map(|l| {
            let (n, v) = l.split_once(':')?;
            n.eq_ignore_ascii_case(name).then_some(v.trim())
        })
    }

    /// Sends `request` on a new connection; the status line of the answer.
    fn status(addr: SocketAddr, request: &[u8]) -> String {
        let mut stream = connect(addr);
        stream.write_all(request).unwrap();
        let (head, _) = read_answer(&mut stream, false);
        head.lines().next().unwrap_or("").to_string()
    }

    fn get(addr: SocketAddr, path: &str) -> String {
        status(addr, format!("GET {path} HTTP/1.1\r\nHost: x\r\n\r\n").as_bytes())
    }

    /// GET / until the status line holds `want`, at most 50 times in 1 s.
    fn get_soon(addr: SocketAddr, want: &str) -> String {
        let mut status = String::new();
        for _ in 0..50 {
            status = get(addr, "/");
            if status.contains(want) {
                break;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        status
    }

    #[test]
    fn symlinks_serve_inside_the_roots_and_never_lead_out() {
        let (www, outside) = (temp_dir("serve-links-www"), temp_dir("serve-links-outside"));
        std::fs::create_dir_all(www.join("data")).unwrap();
        std::fs::write(www.join("index.html"), "hi").unwrap();
        std::fs::write(outside.join("secret.txt"), "secret").unwrap();
        std::os::unix::fs::symlink(www.join("index.html"), www.join("inside.html")).unwrap();
        std::os::unix::fs::symlink(outside.join("secret.txt"), www.join("leak.txt")).unwrap();
        std::os::unix::fs::symlink(&outside, www.join("data/out")).unwrap();
        let addr = start(&www, Limits::DEFAULT);
        assert_eq!(get(addr, "/"), "HTTP/1.1 200 OK");
        assert_eq!(get(addr, "/inside.html"), "HTTP/1.1 200 OK");
        assert_eq!(get(addr, "/leak.txt"), "HTTP/1.1 403 Forbidden");
        assert_eq!(get(addr, "/quiz-data/out/secret.txt"), "HTTP/1.1 403 Forbidden");
        assert_eq!(get(addr, "/../leak.txt"), "HTTP/1.1 400 Bad Request");
        assert_eq!(get(addr, "/missing.html"), "HTTP/1.1 404 Not Found");
        std::fs::remove_dir_all(&www).unwrap();
        std::fs::remove_dir_all(&outside).unwrap();
    }

    #[test]
    fn a_request_head_over_the_limit_is_refused() {
        let www = temp_dir("serve-size");
        std::fs::write(www.join("index.html"), "hi").unwrap();
        let addr = start(&www, Limits::DEFAULT);
        let huge = format!("GET / HTTP/1.1\r\nX-Big: {}\r\n\r\n", "a".repeat(16 * 1024));
        assert_eq!(status(addr, huge.as_bytes()), "HTTP/1.1 431 Request Header Fields Too Large");
        // One just under the limit is served.
        let fits = format!("GET / HTTP/1.1\r\nX-Big: {}\r\n\r\n", "a".repeat(7 * 1024));
        assert_eq!(status(addr, fits.as_bytes()), "HTTP/1.1 200 OK");
        std::fs::remove_dir_all(&www).unwrap();
    }

    #[test]
    fn a_slow_client_stalls_no_one_and_is_dropped_at_its_deadline() {
        let www = temp_dir("serve-slow");
        std::fs::write(www.join("index.html"), "hi").unwrap();
        let limits = Limits { head_time: Duration::from_millis(500), ..Limits::DEFAULT };
        let addr = start(&www, limits);
        // Half a request line, then silence.
        let mut slow = connect(addr);
        slow.write_all(b"GET / HT").unwrap();
        let started = Instant::now();
        for _ in 0..3 {
            assert_eq!(get(addr, "/"), "HTTP/1.1 200 OK");
        }
        assert!(started.elapsed() < Duration::from_millis(400), "{:?}", started.elapsed());
        // The server closes the slow one without an answer once its time is up.
        let mut rest = Vec::new();
        assert_eq!(slow.read_to_end(&mut rest).unwrap(), 0);
        assert!(started.elapsed() >= Duration::from_millis(300), "{:?}", started.elapsed());
        std::fs::remove_dir_all(&www).unwrap();
    }

    #[test]
    fn connections_past_the_limit_get_503() {
        let www = temp_dir("serve-many");
        std::fs::write(www.join("index.html"), "hi").unwrap();
        let limits = Limits { connections: 3, ..Limits::DEFAULT };
        let addr = start(&www, limits);
        let mut idle: Vec<TcpStream> = (0..3).map(|_| connect(addr)).collect();
        // Each idle one is in its own thread once the server has read from it.
        for s in &mut idle {
            s.write_all(b"G").unwrap();
        }
        assert_eq!(get_soon(addr, "503"), "HTTP/1.1 503 Service Unavailable");
        // Their threads end when they close, and free their slots.
        drop(idle);
        assert_eq!(get_soon(addr, "200"), "HTTP/1.1 200 OK");
        std::fs::remove_dir_all(&www).unwrap();
    }

    /// A folder with `index.html` and a bank-like JSON file of `bytes`.
    fn site(name: &str) -> (PathBuf, Vec<u8>) {
        let www = temp_dir(name);
        std::fs::create_dir_all(www.join("data")).unwrap();
        std::fs::write(www.join("index.html"), "hi").unwrap();
        let json: Vec<u8> = (0..300)
            .flat_map(|i| {
                format!("{{\"id\": \"q{i}\", \"prompt\": \"Question {i}?\"}},\n").into_bytes()
            })
            .collect();
        std::fs::write(www.join("data/bank.json"), &json).unwrap();
        (www, json)
    }

    /// Sends a GET (or HEAD) of `path` with `headers` on `stream`.
    fn ask(stream: &mut TcpStream, method: &str, path: &str, headers: &str) -> (String, Vec<u8>) {
        let request = format!("{method} {path} HTTP/1.1\r\nHost: x\r\n{headers}\r\n");
        stream.write_all(request.as_bytes()).unwrap();
        read_answer(stream, method == "HEAD")
    }

    #[test]
    fn one_connection_carries_several_requests_and_closes_when_idle() {
        let (www, json) = site("serve-keep");
        let limits = Limits { idle: Duration::from_millis(300), ..Limits::DEFAULT };
        let addr = start(&www, limits);
        let mut stream = connect(addr);
        let (head, body) = ask(&mut stream, "GET", "/quiz-data/bank.json", "");
        assert!(head.starts_with("HTTP/1.1 200 OK"), "{head}");
        assert_eq!(header(&head, "connection"), Some("keep-alive"));
        assert_eq!(body, json);
        let (head, body) = ask(&mut stream, "GET", "/", "");
        assert!(head.starts_with("HTTP/1.1 200 OK"), "{head}");
        assert_eq!(body, b"hi");
        // A 404 keeps the connection too.
        let (head, _) = ask(&mut stream, "GET", "/missing", "");
        assert!(head.starts_with("HTTP/1.1 404"), "{head}");
        // Two requests sent at once (pipelined) get two answers in order.
        let two = "GET / HTTP/1.1\r\nHost: x\r\n\r\nHEAD /quiz-data/bank.json HTTP/1.1\r\n\r\n";
        stream.write_all(two.as_bytes()).unwrap();
        assert_eq!(read_answer(&mut stream, false).1, b"hi");
        let (head, _) = read_answer(&mut stream, true);
        assert_eq!(header(&head, "content-length"), Some(json.len().to_string().as_str()));
        // Idle past the limit, the server closes it.
        let started = Instant::now();
        let mut rest = Vec::new();
        assert_eq!(stream.read_to_end(&mut rest).unwrap(), 0);
        assert!(started.elapsed() >= Duration::from_millis(200), "{:?}", started.elapsed());
        // `Connection: close` is honoured at once.
        let mut stream = connect(addr);
        let (head, _) = ask(&mut stream, "GET", "/", "Connection: close\r\n");
        assert_eq!(header(&head, "connection"), Some("close"));
        assert_eq!(stream.read_to_end(&mut rest).unwrap(), 0);
        std::fs::remove_dir_all(&www).unwrap();
    }

    #[test]
    fn bodies_are_compressed_as_accept_encoding_allows() {
        use std::io::Read as _;
        let (www, json) = site("serve-gzip");
        let addr = start(&www, Limits::DEFAULT);
        let mut stream = connect(addr);
        let (head, body) =
            ask(&mut stream, "GET", "/quiz-data/bank.json", "Accept-Encoding: gzip, deflate\r\n");
        assert_eq!(header(&head, "content-encoding"), Some("gzip"), "{head}");
        assert_eq!(header(&head, "vary"), Some("Accept-Encoding"));
        assert!(body.len() < json.len() / 4, "{} of {}", body.len(), json.len());
        let mut plain = Vec::new();
        flate2::read::GzDecoder::new(&body[..]).read_to_end(&mut plain).unwrap();
        assert_eq!(plain, json);
        // HEAD says the length GET would send.
        let (head, _) =
            ask(&mut stream, "HEAD", "/quiz-data/bank.json", "Accept-Encoding: gzip\r\n");
        assert_eq!(header(&head, "content-length"), Some(body.len().to_string().as_str()));
        // Brotli is made in the background: gzip until it is ready, then
        // brotli (within 5 s); without gzip, the answer waits for brotli.
        let mut sent = Vec::new();
        for _ in 0..100 {
            let (head, body) =
                ask(&mut stream, "GET", "/quiz-data/bank.json", "Accept-Encoding: gzip, br\r\n");
            let encoding = header(&head, "content-encoding").unwrap_or("").to_string();
            assert!(encoding == "gzip" || encoding == "br", "{head}");
            if encoding == "br" {
                sent = body;
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let mut plain = Vec::new();
        brotli::BrotliDecompress(&mut &sent[..], &mut plain).unwrap();
        assert_eq!(plain, json);
        let (www2, json2) = site("serve-br-only");
        let addr2 = start(&www2, Limits::DEFAULT);
        let (head, body) =
            ask(&mut connect(addr2), "GET", "/quiz-data/bank.json", "Accept-Encoding: br\r\n");
        assert_eq!(header(&head, "content-encoding"), Some("br"), "{head}");
        let mut plain = Vec::new();
        brotli::BrotliDecompress(&mut &body[..], &mut plain).unwrap();
        assert_eq!(plain, json2);
        std::fs::remove_dir_all(&www2).unwrap();
        // Without Accept-Encoding, or with only codings it lacks: the file as it is.
        for accept in ["", "Accept-Encoding: identity\r\n", "Accept-Encoding: zstd, gzip;q=0\r\n"] {
            let (head, body) = ask(&mut stream, "GET", "/quiz-data/bank.json", accept);
            assert_eq!(header(&head, "content-encoding"), None, "{accept}: {head}");
            assert_eq!(body, json, "{accept}");
        }
        std::fs::remove_dir_all(&www).unwrap();
    }

    #[test]
    fn validators_answer_304_until_the_file_changes() {
        let (www, json) = site("serve-304");
        let addr = start(&www, Limits::DEFAULT);
        let mut stream = connect(addr);
        let path = "/quiz-data/bank.json";
        let (head, _) = ask(&mut stream, "GET", path, "");
        assert_eq!(header(&head, "cache-control"), Some("no-cache"));
        let etag = header(&head, "etag").unwrap().to_string();
        let modified = header(&head, "last-modified").unwrap().to_string();
        let (gz_head, _) = ask(&mut stream, "GET", path, "Accept-Encoding: gzip\r\n");
        let gz_etag = header(&gz_head, "etag").unwrap().to_string();
        assert_ne!(etag, gz_etag, "each encoding has its own ETag");
        let (head, body) = ask(&mut stream, "GET", path, &format!("If-None-Match: {etag}\r\n"));
        assert!(head.starts_with("HTTP/1.1 304 Not Modified"), "{head}");
        assert!(body.is_empty());
        assert_eq!(header(&head, "etag"), Some(etag.as_str()));
        let ask_gz = format!("Accept-Encoding: gzip\r\nIf-None-Match: \"x\", {gz_etag}\r\n");
        assert!(ask(&mut stream, "GET", path, &ask_gz).0.starts_with("HTTP/1.1 304"));
        let since = format!("If-Modified-Since: {modified}\r\n");
        assert!(ask(&mut stream, "GET", path, &since).0.starts_with("HTTP/1.1 304"));
        // Another ETag, or an older date: the whole file.
        let (head, body) = ask(&mut stream, "GET", path, "If-None-Match: \"other\"\r\n");
        assert!(head.starts_with("HTTP/1.1 200"), "{head}");
        assert_eq!(body, json);
        let old = "If-Modified-Since: Sat, 01 Jan 2000 00:00:00 GMT\r\n";
        assert!(ask(&mut stream, "GET", path, old).0.starts_with("HTTP/1.1 200"));
        // The connection is still usable after a 304.
        assert_eq!(ask(&mut stream, "GET", "/", "").1, b"hi");
        // Edited, the file has a new ETag and the old one gets it whole.
        std::fs::write(www.join("data/bank.json"), b"{\"edited\": true}").unwrap();
        let (head, body) = ask(&mut stream, "GET", path, &format!("If-None-Match: {etag}\r\n"));
        assert!(head.starts_with("HTTP/1.1 200"), "{head}");
        assert_eq!(body, b"{\"edited\": true}");
        assert_ne!(header(&head, "etag"), Some(etag.as_str()));
        std::fs::remove_dir_all(&www).unwrap();
    }
}
