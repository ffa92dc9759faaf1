//! `citequiz serve`: a static file server for development (the demo and
//! the browser tests), on loopback only. Not for production.
//!
//! `/quiz-data/…` is served from the data folder, everything else from the
//! web folder. Every response carries CORS headers so a page on another
//! origin can load the widget, its Wasm and the banks. GET and HEAD only.
//!
//! Its limits (`Limits`): a request head (line and headers) larger than
//! 8 KiB is refused, and one not complete in 10 s is dropped; one thread
//! per connection, so a slow client holds only its own, and at most 64 at
//! once (more get 503). No request reaches a file outside the two folders:
//! paths with `..` or NUL are refused, and so is a symlink that leads out.

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
}

impl Limits {
    pub const DEFAULT: Limits =
        Limits { head_bytes: 8 * 1024, head_time: Duration::from_secs(10), connections: 64 };
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

/// The file a request names (a folder means its `index.html`) and its
/// bytes; symlinks are followed only while they stay inside the root. The
/// path is the one asked for, whose extension gives the Content-Type.
fn open(roots: &Roots, target: &str) -> Result<(PathBuf, Vec<u8>), Refused> {
    let (root, mut full) = resolve(roots, target)?;
    if full.is_dir() {
        full = full.join("index.html");
    }
    let root = root.canonicalize().map_err(|_| Refused::NotFound)?;
    let real = full.canonicalize().map_err(|_| Refused::NotFound)?;
    if !real.starts_with(&root) {
        return Err(Refused::Outside);
    }
    let body = std::fs::read(&real).map_err(|_| Refused::NotFound)?;
    Ok((full, body))
}

pub fn respond(stream: &mut TcpStream, status: &str, ctype: &str, body: &[u8], head_only: bool) {
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

/// A short plain-text answer.
pub fn refuse(stream: &mut TcpStream, status: &str, text: &str, head_only: bool) {
    respond(stream, status, "text/plain; charset=utf-8", text.as_bytes(), head_only);
}

/// How reading a request head ended.
enum Head {
    /// The request line (the headers are read and ignored).
    Line(String),
    /// Longer than `Limits::head_bytes`.
    TooLarge,
    /// Closed, timed out, or not UTF-8: no answer is owed.
    Gone,
}

/// Reads up to the blank line that ends the head, within the limits of
/// size and time (the deadline bounds the whole head, so a client that
/// sends a byte now and then cannot hold its thread for long).
fn read_head(stream: &mut TcpStream, limits: Limits) -> Head {
    let deadline = Instant::now() + limits.head_time;
    let mut buf = Vec::with_capacity(1024);
    let mut chunk = [0u8; 1024];
    loop {
        // The blank line after the headers, with CRLF or bare LF endings.
        let end = buf
            .windows(3)
            .position(|w| w == b"\n\r\n")
            .or_else(|| buf.windows(2).position(|w| w == b"\n\n"));
        if let Some(end) = end {
            buf.truncate(end);
            break;
        }
        if buf.len() > limits.head_bytes {
            return Head::TooLarge;
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() || stream.set_read_timeout(Some(left)).is_err() {
            return Head::Gone;
        }
        match stream.read(&mut chunk) {
            Ok(0) | Err(_) => return Head::Gone,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    }
    if buf.len() > limits.head_bytes {
        return Head::TooLarge;
    }
    match String::from_utf8(buf) {
        Ok(head) => Head::Line(head.lines().next().unwrap_or("").to_string()),
        Err(_) => Head::Gone,
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
    /// returns false to leave it to the static files.
    fn answer(&self, path: &str, stream: &mut TcpStream, head_only: bool) -> bool;
}

fn handle(mut stream: TcpStream, roots: &Roots, limits: Limits, routes: Option<&dyn Routes>) {
    let _ = stream.set_nodelay(true);
    let _ = stream.set_write_timeout(Some(Duration::from_secs(30)));
    let request_line = match read_head(&mut stream, limits) {
        Head::Line(line) => line,
        Head::TooLarge => {
            refuse(
                &mut stream,
                "431 Request Header Fields Too Large",
                "request too large\n",
                false,
            );
            return drain(&mut stream, Instant::now() + Duration::from_secs(1));
        }
        Head::Gone => return,
    };
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    match method {
        "OPTIONS" => return respond(&mut stream, "204 No Content", "text/plain", b"", false),
        "GET" | "HEAD" => {}
        _ => return refuse(&mut stream, "405 Method Not Allowed", "GET and HEAD only\n", false),
    }
    let head_only = method == "HEAD";
    let path = target.split(['?', '#']).next().unwrap_or("/");
    if routes.is_some_and(|r| r.answer(path, &mut stream, head_only)) {
        return;
    }
    match open(roots, target) {
        Ok((path, body)) => respond(&mut stream, "200 OK", mime(&path), &body, head_only),
        Err(Refused::NotFound) => refuse(&mut stream, "404 Not Found", "not found\n", head_only),
        Err(Refused::Outside) => {
            refuse(&mut stream, "403 Forbidden", "outside the served folders\n", head_only)
        }
        Err(Refused::BadPath) => refuse(&mut stream, "400 Bad Request", "bad path\n", head_only),
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
    let roots = Arc::new(roots);
    let live = Arc::new(AtomicUsize::new(0));
    for mut stream in listener.incoming().flatten() {
        if live.fetch_add(1, Ordering::SeqCst) >= limits.connections {
            live.fetch_sub(1, Ordering::SeqCst);
            let _ = stream.set_write_timeout(Some(Duration::from_secs(1)));
            refuse(&mut stream, "503 Service Unavailable", "too many connections\n", false);
            continue;
        }
        let slot = Slot(Arc::clone(&live));
        let roots = Arc::clone(&roots);
        let routes = routes.clone();
        let spawned = std::thread::Builder::new().spawn(move || {
            let _slot = slot;
            handle(stream, &roots, limits, routes.as_deref());
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

    /// Sends `request` on a new connection; the status line of the answer.
    fn status(addr: SocketAddr, request: &[u8]) -> String {
        let mut stream = connect(addr);
        stream.write_all(request).unwrap();
        let mut answer = Vec::new();
        let _ = stream.read_to_end(&mut answer);
        String::from_utf8_lossy(&answer).lines().next().unwrap_or("").to_string()
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
}
