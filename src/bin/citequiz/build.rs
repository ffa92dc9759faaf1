//! `citequiz build`: a bank packaged for course sites.
//!
//! - `html`: one self-contained page, `<bank id>.html`: the widget's Wasm
//!   (base64) and JS glue, the CSS, the bank and its article (JSON in
//!   `<script type="application/json">`, never evaluated) all inline. It
//!   works opened from disk (`file://`) and uploaded anywhere as one file.
//! - `scorm`: `<bank id>.scorm12.zip`, a SCORM 1.2 package: `imsmanifest.xml`,
//!   `index.html` (the same page) and `citequiz-scorm.js`, the runtime that
//!   reports progress, score and pass/fail to the LMS (see that file).
//!
//! The widget comes from `www/pkg/` (`scripts/build-wasm.sh`) and
//! `www/style.css`. Everything embedded is escaped so that no text of the
//! bank can end the script element that holds it. The page carries its own
//! Content Security Policy in a `<meta>`: its one inline script and its one
//! inline style are allowed by their SHA-256 hashes, computed here, and
//! nothing else inline, no eval and no network (see `csp`). Outputs are
//! byte-for-byte reproducible: the zip's timestamps are fixed.

use citequiz::Bank;
use citequiz::files::load_bank;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The SCORM runtime, shipped in the package as `citequiz-scorm.js`.
pub const SCORM_JS: &str = include_str!("scorm.js");
const SCORM_JS_NAME: &str = "citequiz-scorm.js";

/// The page's own script, appended to the wasm-bindgen glue in one module:
/// it decodes the Wasm, instantiates it, and mounts the widget.
const BOOT_JS: &str = r#"
// citequiz build: the page. In a block so that nothing here shadows the glue.
{
  const host = document.getElementById('quiz');
  const text = (id) => document.getElementById(id).textContent;
  const wasmBytes = () => {
    const bin = atob(text('citequiz-wasm'));
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return bytes;
  };
  const start = async () => {
    await __wbg_init({ module_or_path: wasmBytes() });
    const bankText = text('citequiz-bank');
    const articleText = text('citequiz-article');
    const bankId = JSON.parse(bankText).id;
    // Set by citequiz-scorm.js in a SCORM package; absent in the plain page.
    const runtime = window.citequizRuntime;
    const storageKey = runtime ? runtime.storageKey(bankId) : 'citequiz:' + bankId;
    if (runtime) runtime.beforeMount(host, storageKey);
    try {
      window.citequiz = Widget.mount(host, bankText, articleText, { storageKey });
    } catch (e) {
      if (!host.querySelector('.citequiz-error')) {
        Widget.showError(host, 'The quiz could not be loaded', String(e.message || e), e.diagnostics || []);
      }
      console.warn(e);
    } finally {
      host.removeAttribute('aria-busy');
    }
  };
  start().catch((e) => {
    host.textContent = '';
    const p = document.createElement('p');
    p.className = 'citequiz-fatal';
    p.setAttribute('role', 'alert');
    p.textContent = `The quiz could not start: ${e.message || e}`;
    host.append(p);
    host.removeAttribute('aria-busy');
  });
}
"#;

const USAGE: &str = "citequiz build BANK --out DIR [--format html|scorm|both] [--www DIR]";

/// What `build` reads from the widget's build.
pub struct WidgetFiles {
    /// `pkg/citequiz.js`, the wasm-bindgen glue (an ES module).
    pub glue: String,
    /// `pkg/citequiz_bg.wasm`.
    pub wasm: Vec<u8>,
    /// `style.css`.
    pub css: String,
}

/// Reads the built widget from `www`.
///
/// # Errors
/// A file is missing (the message says to build the widget) or unreadable.
pub fn read_widget(www: &Path) -> Result<WidgetFiles, String> {
    let pkg = www.join("pkg");
    let (js, wasm) = (pkg.join("citequiz.js"), pkg.join("citequiz_bg.wasm"));
    if !js.exists() || !wasm.exists() {
        return Err(format!(
            "the widget is not built ({} is missing): run `bash scripts/build-wasm.sh` first",
            if js.exists() { wasm.display() } else { js.display() }
        ));
    }
    let read = |p: &Path| std::fs::read(p).map_err(|e| format!("cannot read {}: {e}", p.display()));
    let text =
        |p: &Path| String::from_utf8(read(p)?).map_err(|_| format!("{} is not UTF-8", p.display()));
    Ok(WidgetFiles { glue: text(&js)?, wasm: read(&wasm)?, css: text(&www.join("style.css"))? })
}

/// JSON text made safe inside `<script type="application/json">`: every `<`
/// becomes `\u003c` (only inside strings can it occur, where the escape
/// means the same), so `</script>` or `<!--` in bank text cannot end or
/// confuse the element.
pub fn script_json(json: &str) -> String {
    json.replace('<', "\\u003c")
}

/// JavaScript made safe inside `<script>`: `</script` and `<!--` can only
/// appear in its strings, regexes and comments, where `<\/` and `<\!` mean
/// the same.
fn script_js(js: &str) -> String {
    // Case-insensitive: the HTML parser ends the element on `</SCRIPT` too.
    let mut out = String::with_capacity(js.len());
    let mut rest = js;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let lower = tail.get(..8).map(str::to_ascii_lowercase);
        if lower.as_deref() == Some("</script") {
            out.push_str("<\\/");
            rest = &tail[2..];
        } else if tail.starts_with("<!--") {
            out.push_str("<\\!");
            rest = &tail[2..];
        } else {
            out.push('<');
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    out
}

/// Text or an attribute value escaped for HTML and XML.
pub fn escape_xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// The page's Content Security Policy: the inline `script` and `style`
/// (the exact text between their tags) by hash, Wasm compilation
/// (`'wasm-unsafe-eval'`), `data:` images (the empty favicon), and with a
/// `runtime` script loaded by address, scripts from the page's own origin
/// (`'self'`). Nothing else: no other inline code, no eval, no requests.
pub fn csp(script: &str, style: &str, runtime: bool) -> String {
    let hash = |text: &str| format!("'sha256-{}'", base64(&sha256(text.as_bytes())));
    format!(
        "default-src 'none'; script-src {}{} 'wasm-unsafe-eval'; style-src {}; img-src data:; \
         base-uri 'none'; form-action 'none'",
        hash(script),
        if runtime { " 'self'" } else { "" },
        hash(style),
    )
}

/// The self-contained page. `runtime_src`, when given, is the `src` of a
/// classic script loaded before the page's module (the SCORM runtime).
pub fn page(
    w: &WidgetFiles,
    bank: &Bank,
    bank_json: &str,
    article_json: &str,
    runtime_src: Option<&str>,
) -> String {
    let lang = bank.language().unwrap_or("en");
    // The text of the inline style and script, hashed for the CSP as written.
    let style = format!("\n{}\n", w.css.replace("</style", "<\\/style"));
    let script = format!("\n{}\n{BOOT_JS}", script_js(&w.glue));
    let runtime = runtime_src
        .map(|src| format!("<script src=\"{}\"></script>\n", escape_xml(src)))
        .unwrap_or_default();
    format!(
        r#"<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="citequiz {version}">
<title>{title}</title>
<link rel="icon" href="data:,">
<style>{style}</style>
</head>
<body class="citequiz-page">
<main id="quiz" aria-busy="true"><p class="citequiz-loading" role="status">Loading the quiz…</p></main>
<noscript><p>citequiz needs JavaScript and WebAssembly.</p></noscript>
<script type="application/json" id="citequiz-bank">{bank_json}</script>
<script type="application/json" id="citequiz-article">{article_json}</script>
<script type="application/octet-stream" id="citequiz-wasm">{wasm}</script>
{runtime}<script type="module">{script}</script>
</body>
</html>
"#,
        lang = escape_xml(lang),
        // Base64 and fixed words: nothing in it needs escaping in an attribute.
        csp = csp(&script, &style, runtime_src.is_some()),
        version = env!("CARGO_PKG_VERSION"),
        title = escape_xml(bank.title()),
        bank_json = script_json(bank_json),
        article_json = script_json(article_json),
        wasm = base64(&w.wasm),
    )
}

/// An XML ID (an NCName) from any text: characters outside
/// `A-Z a-z 0-9 - _ .` become `_`, and it starts with a letter.
fn xml_id(prefix: &str, s: &str) -> String {
    let clean: String = s
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') { c } else { '_' })
        .collect();
    format!("{prefix}{clean}")
}

/// A SCORM 1.2 manifest: one organization, one item, one SCO whose launch
/// page is `files[0]`, listing `files`.
pub fn manifest(bank: &Bank, files: &[&str]) -> String {
    let id = xml_id("citequiz-", bank.id());
    let title = escape_xml(bank.title());
    let launch = escape_xml(files.first().copied().unwrap_or("index.html"));
    let file_list: String =
        files.iter().map(|f| format!("        <file href=\"{}\"/>\n", escape_xml(f))).collect();
    // The LMS may judge passed/failed by score against masteryscore; it is
    // the bank's pass mark, so it agrees with the widget.
    let mastery = bank.pass_percent().clamp(0.0, 100.0);
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="{id}" version="1.0"
    xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="{id}-org">
    <organization identifier="{id}-org">
      <title>{title}</title>
      <item identifier="{id}-item" identifierref="{id}-sco" isvisible="true">
        <title>{title}</title>
        <adlcp:masteryscore>{mastery}</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="{id}-sco" type="webcontent" adlcp:scormtype="sco" href="{launch}">
{file_list}    </resource>
  </resources>
</manifest>
"#
    )
}

/// The SCORM package's files, in zip order: the manifest first.
pub fn scorm_files(
    w: &WidgetFiles,
    bank: &Bank,
    bank_json: &str,
    article_json: &str,
) -> Vec<(String, Vec<u8>)> {
    let index = page(w, bank, bank_json, article_json, Some(SCORM_JS_NAME));
    vec![
        ("imsmanifest.xml".into(), manifest(bank, &["index.html", SCORM_JS_NAME]).into_bytes()),
        ("index.html".into(), index.into_bytes()),
        (SCORM_JS_NAME.into(), SCORM_JS.as_bytes().to_vec()),
    ]
}

/// Standard base64 with padding.
pub fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(char::from(ABC[(n >> shift & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// SHA-256 (FIPS 180-4), for the CSP's hashes of the inline script and style.
pub fn sha256(bytes: &[u8]) -> [u8; 32] {
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
        0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
        0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
        0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
        0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
        0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
        0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
        0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2,
    ];
    let mut h: [u32; 8] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
        0x5be0cd19,
    ];
    // The message, a 1 bit, zeros, and its length in bits: a multiple of 64 bytes.
    let mut msg = bytes.to_vec();
    msg.push(0x80);
    while msg.len() % 64 != 56 {
        msg.push(0);
    }
    msg.extend_from_slice(&((bytes.len() as u64) * 8).to_be_bytes());
    for block in msg.chunks_exact(64) {
        let mut w = [0u32; 64];
        for (i, word) in block.chunks_exact(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16].wrapping_add(s0).wrapping_add(w[i - 7]).wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = h;
        for i in 0..64 {
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh.wrapping_add(s1).wrapping_add(ch).wrapping_add(K[i]).wrapping_add(w[i]);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            (hh, g, f, e, d, c, b, a) = (g, f, e, d.wrapping_add(t1), c, b, a, t1.wrapping_add(t2));
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0u8; 32];
    for (chunk, word) in out.chunks_exact_mut(4).zip(h) {
        chunk.copy_from_slice(&word.to_be_bytes());
    }
    out
}

/// CRC-32 (IEEE 802.3, the zip one), bit by bit: the files are small.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xedb8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

/// A zip archive of `files`, stored (not compressed), with a fixed
/// timestamp (1980-01-01 00:00) so the same input gives the same bytes.
///
/// # Errors
/// A file or the archive exceeds zip's 4 GiB or 65,535-entry limits (no ZIP64).
pub fn zip(files: &[(String, Vec<u8>)]) -> Result<Vec<u8>, String> {
    const DOS_TIME: u16 = 0;
    const DOS_DATE: u16 = (1 << 5) | 1; // 1980-01-01
    let too_big = || "the package is too big for a zip without ZIP64".to_string();
    let u32_of = |n: usize| u32::try_from(n).map_err(|_| too_big());
    let u16_of = |n: usize| u16::try_from(n).map_err(|_| too_big());
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in files {
        let offset = u32_of(out.len())?;
        let (crc, size, name_len) = (crc32(data), u32_of(data.len())?, u16_of(name.len())?);
        // Local file header: version 1.0, no flags, method 0 (stored).
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        for v in [10u16, 0, 0, DOS_TIME, DOS_DATE] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        for v in [crc, size, size] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(&name_len.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        // Its central directory entry: made by 2.0 (MS-DOS), needs 1.0.
        central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        for v in [20u16, 10, 0, 0, DOS_TIME, DOS_DATE] {
            central.extend_from_slice(&v.to_le_bytes());
        }
        for v in [crc, size, size] {
            central.extend_from_slice(&v.to_le_bytes());
        }
        // Name length, extra, comment, disk, internal attributes.
        for v in [name_len, 0, 0, 0, 0] {
            central.extend_from_slice(&v.to_le_bytes());
        }
        central.extend_from_slice(&0u32.to_le_bytes()); // external attributes
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let (cd_offset, cd_size, count) =
        (u32_of(out.len())?, u32_of(central.len())?, u16_of(files.len())?);
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    for v in [0u16, 0, count, count] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out.extend_from_slice(&cd_size.to_le_bytes());
    out.extend_from_slice(&cd_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes()); // comment length
    Ok(out)
}

/// `citequiz build`'s command line after `build`.
///
/// # Errors
/// A usage error (exit 2), with the usage line.
pub fn run(args: &[String]) -> Result<ExitCode, String> {
    let mut bank = None;
    let (mut out, mut format, mut www) = (None, "both".to_string(), PathBuf::from("www"));
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| {
            it.next().cloned().ok_or_else(|| format!("{name} needs a value\nusage: {USAGE}"))
        };
        match a.as_str() {
            "--out" => out = Some(PathBuf::from(value("--out")?)),
            "--format" => format = value("--format")?,
            "--www" => www = PathBuf::from(value("--www")?),
            s if s.starts_with("--") => return Err(format!("unknown option {s}\nusage: {USAGE}")),
            s if bank.is_none() => bank = Some(PathBuf::from(s)),
            _ => return Err(format!("build takes one bank file\nusage: {USAGE}")),
        }
    }
    let bank_path = bank.ok_or_else(|| format!("build needs a bank file\nusage: {USAGE}"))?;
    let out = out.ok_or_else(|| format!("build needs --out DIR\nusage: {USAGE}"))?;
    let (html, scorm) = match format.as_str() {
        "html" => (true, false),
        "scorm" => (false, true),
        "both" => (true, true),
        other => return Err(format!("--format takes html, scorm or both, not {other:?}")),
    };
    Ok(match build(&bank_path, &out, &www, html, scorm) {
        Ok(written) => {
            for (path, bytes) in written {
                println!("{}: {} bytes", path.display(), bytes);
            }
            ExitCode::SUCCESS
        }
        Err(msg) => {
            eprintln!("error: {msg}");
            ExitCode::from(1)
        }
    })
}

/// Checks the bank, then writes the outputs asked for into `out`; returns
/// each file written and its size.
fn build(
    bank_path: &Path,
    out: &Path,
    www: &Path,
    html: bool,
    scorm: bool,
) -> Result<Vec<(PathBuf, usize)>, String> {
    let loaded = load_bank(bank_path);
    for d in &loaded.diagnostics {
        eprintln!("{}", d.render(loaded.source_of(d)));
    }
    let (Some(bank), Some(bank_file), Some(article_file)) =
        (&loaded.bank, &loaded.bank_file, &loaded.article_file)
    else {
        return Err(format!(
            "{} does not check; fix the errors above (`citequiz check` lists them)",
            bank_path.display()
        ));
    };
    let widget = read_widget(www)?;
    std::fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let mut written = Vec::new();
    let mut write = |name: String, bytes: &[u8]| -> Result<(), String> {
        let path = out.join(name);
        std::fs::write(&path, bytes)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        written.push((path, bytes.len()));
        Ok(())
    };
    let stem = bank.id().replace(|c: char| !c.is_ascii_alphanumeric() && c != '-' && c != '_', "_");
    if html {
        let p = page(&widget, bank, &bank_file.text, &article_file.text, None);
        write(format!("{stem}.html"), p.as_bytes())?;
    }
    if scorm {
        let files = scorm_files(&widget, bank, &bank_file.text, &article_file.text);
        write(format!("{stem}.scorm12.zip"), &zip(&files)?)?;
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bank() -> (Bank, String, String) {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let loaded = load_bank(&root.join("quiz-data/banks/gabuev-quick-check.json"));
        (loaded.bank.unwrap(), loaded.bank_file.unwrap().text, loaded.article_file.unwrap().text)
    }

    fn widget() -> WidgetFiles {
        // A stand-in for the built widget: the tests check packaging, not it.
        WidgetFiles {
            glue: "export function f() { return '</script><!-- x'; }\n".into(),
            wasm: b"\0asm\x01\0\0\0".to_vec(),
            css: "body { color: black }".into(),
        }
    }

    /// The entries of a stored zip, read through its central directory,
    /// each checked against its local header and CRC.
    fn unzip(z: &[u8]) -> Vec<(String, Vec<u8>)> {
        let u16_at = |i: usize| u16::from_le_bytes([z[i], z[i + 1]]) as usize;
        let u32_at = |i: usize| u32::from_le_bytes([z[i], z[i + 1], z[i + 2], z[i + 3]]) as usize;
        let eocd = z.len() - 22;
        assert_eq!(u32_at(eocd), 0x0605_4b50, "no end of central directory");
        let (count, mut at) = (u16_at(eocd + 10), u32_at(eocd + 16));
        let mut files = Vec::new();
        for _ in 0..count {
            assert_eq!(u32_at(at), 0x0201_4b50);
            let (crc, size, name_len) = (u32_at(at + 16), u32_at(at + 20), u16_at(at + 28));
            let local = u32_at(at + 42);
            let name = String::from_utf8(z[at + 46..at + 46 + name_len].to_vec()).unwrap();
            assert_eq!(u32_at(local), 0x0403_4b50, "{name}: no local header");
            assert_eq!(u16_at(local + 8), 0, "{name}: not stored");
            let data_at = local + 30 + u16_at(local + 26) + u16_at(local + 28);
            let data = z[data_at..data_at + size].to_vec();
            assert_eq!(crc32(&data) as usize, crc, "{name}: CRC");
            files.push((name, data));
            at += 46 + name_len;
        }
        files
    }

    #[test]
    fn crc_and_base64_match_known_values() {
        assert_eq!(crc32(b"123456789"), 0xcbf4_3926);
        assert_eq!(crc32(b""), 0);
        for (input, want) in
            [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg==")]
        {
            assert_eq!(base64(input.as_bytes()), want);
        }
    }

    #[test]
    fn manifest_is_well_formed_scorm_12_listing_the_zips_files() {
        let (bank, bank_json, article_json) = bank();
        let files = scorm_files(&widget(), &bank, &bank_json, &article_json);
        let z = zip(&files).unwrap();
        let entries = unzip(&z);
        assert_eq!(entries, files);
        let xml = String::from_utf8(entries[0].1.clone()).unwrap();
        assert_eq!(entries[0].0, "imsmanifest.xml");
        let doc = roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{e}\n{xml}"));
        const CP: &str = "http://www.imsproject.org/xsd/imscp_rootv1p1p2";
        const ADLCP: &str = "http://www.adlnet.org/xsd/adlcp_rootv1p2";
        let root = doc.root_element();
        assert!(root.has_tag_name((CP, "manifest")));
        let find =
            |name: &'static str| doc.descendants().filter(move |n| n.has_tag_name((CP, name)));
        let schema: Vec<_> = find("schemaversion").filter_map(|n| n.text()).collect();
        assert_eq!(schema, ["1.2"]);
        let orgs = find("organizations").next().unwrap();
        let org = find("organization").next().unwrap();
        assert_eq!(orgs.attribute("default"), org.attribute("identifier"));
        let items: Vec<_> = find("item").collect();
        assert_eq!(items.len(), 1);
        let resources: Vec<_> = find("resource").collect();
        assert_eq!(resources.len(), 1);
        let sco = resources[0];
        assert_eq!(items[0].attribute("identifierref"), sco.attribute("identifier"));
        assert_eq!(sco.attribute((ADLCP, "scormtype")), Some("sco"));
        assert_eq!(sco.attribute("type"), Some("webcontent"));
        let listed: Vec<&str> = find("file").filter_map(|f| f.attribute("href")).collect();
        assert_eq!(sco.attribute("href"), Some(listed[0]));
        let zipped: Vec<&str> = entries.iter().map(|(n, _)| n.as_str()).collect();
        for f in &listed {
            assert!(zipped.contains(f), "{f} is listed but not in the zip {zipped:?}");
        }
        // Everything in the zip but the manifest is listed.
        assert_eq!(zipped[1..], listed[..]);
        let mastery = items[0]
            .children()
            .find(|n| n.has_tag_name((ADLCP, "masteryscore")))
            .and_then(|n| n.text());
        assert_eq!(mastery, Some("70"));
        // Same input, same bytes.
        assert_eq!(z, zip(&scorm_files(&widget(), &bank, &bank_json, &article_json)).unwrap());
    }

    #[test]
    fn embedded_text_cannot_end_its_script_element() {
        let (bank, _, article_json) = bank();
        let evil = r#"{"title": "</script><script>alert(1)</script> <!-- </SCRIPT"}"#;
        let html = page(&widget(), &bank, evil, &article_json, Some("citequiz-scorm.js"));
        // The only closing tags are those of the elements the page made:
        // bank, article, wasm, runtime, module.
        assert_eq!(html.to_ascii_lowercase().matches("</script").count(), 5);
        assert!(!html.contains("<!--"));
        assert!(html.contains(r#"{"title": "\u003c/script>\u003cscript>alert(1)\u003c/script> \u003c!-- \u003c/SCRIPT"}"#));
        // The escaped JSON still means the same.
        let start = html.find("id=\"citequiz-bank\">").unwrap() + "id=\"citequiz-bank\">".len();
        let end = start + html[start..].find("</script>").unwrap();
        let back: serde_json::Value = serde_json::from_str(&html[start..end]).unwrap();
        assert_eq!(back, serde_json::from_str::<serde_json::Value>(evil).unwrap());
        assert!(html.contains("return '<\\/script><\\!-- x'"));
    }

    #[test]
    fn sha256_matches_known_values() {
        let hex = |b: [u8; 32]| b.iter().map(|x| format!("{x:02x}")).collect::<String>();
        assert_eq!(
            hex(sha256(b"")),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(
            hex(sha256(b"abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        // Two blocks: 56 bytes leave no room for the length in the first.
        assert_eq!(
            hex(sha256(b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        );
        assert_eq!(
            hex(sha256(&[b'a'; 1000])),
            "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"
        );
    }

    /// The text between `open` and the next `close` in `html`.
    fn between<'a>(html: &'a str, open: &str, close: &str) -> &'a str {
        let start = html.find(open).unwrap() + open.len();
        &html[start..start + html[start..].find(close).unwrap()]
    }

    #[test]
    fn the_page_allows_its_inline_script_and_style_by_hash_and_nothing_else() {
        let (bank, bank_json, article_json) = bank();
        for runtime in [None, Some("citequiz-scorm.js")] {
            let html = page(&widget(), &bank, &bank_json, &article_json, runtime);
            let policy = between(&html, "http-equiv=\"Content-Security-Policy\" content=\"", "\"");
            // The meta comes before anything it governs.
            assert!(html.find("Content-Security-Policy").unwrap() < html.find("<style>").unwrap());
            let script = between(&html, "<script type=\"module\">", "</script>");
            let style = between(&html, "<style>", "</style>");
            let hash = |t: &str| format!("'sha256-{}'", base64(&sha256(t.as_bytes())));
            assert_eq!(
                policy,
                format!(
                    "default-src 'none'; script-src {}{} 'wasm-unsafe-eval'; style-src {}; \
                     img-src data:; base-uri 'none'; form-action 'none'",
                    hash(script),
                    if runtime.is_some() { " 'self'" } else { "" },
                    hash(style)
                )
            );
            assert!(!policy.contains("unsafe-inline") && !policy.contains("'unsafe-eval'"));
            // One inline script and one inline style: anything else would be blocked.
            assert_eq!(html.matches("<style").count(), 1);
            let executable = html.matches("<script").count()
                - html.matches("<script type=\"application/").count();
            assert_eq!(executable, 1 + usize::from(runtime.is_some()));
        }
    }

    #[test]
    fn a_missing_widget_says_how_to_build_it() {
        let err = read_widget(Path::new("/nonexistent")).err().unwrap();
        assert!(err.contains("run `bash scripts/build-wasm.sh` first"), "{err}");
    }
}
