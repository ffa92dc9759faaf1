//! A bank packaged for course sites (native only; `citequiz build` writes
//! the files):
//!
//! - `page`: one self-contained page, `<bank id>.html`: the widget's Wasm
//!   (base64), the page's script bundled with the JS glue and minified, the
//!   minified CSS, the bank and its article (JSON in
//!   `<script type="application/json">`, never evaluated) all inline. It
//!   works opened from disk (`file://`) and uploaded anywhere as one file.
//! - `scorm_files` and `zip`: `<bank id>.scorm12.zip`, a SCORM 1.2 package:
//!   `imsmanifest.xml`, `index.html` (the same page) and `citequiz-scorm.js`,
//!   the runtime that reports progress, score and pass/fail to the LMS (see
//!   that file).
//!
//! The widget comes from `www/pkg/` as `scripts/build-wasm.sh` builds it
//! (`read_widget`): `single.js` (`www/single.js`, the page's script, bundled
//! with both builds' wasm-bindgen glue and minified), the player's Wasm
//! `citequiz_player_bg.wasm` (inlined with a compiled bank, what `citequiz
//! build` embeds), the full widget's `citequiz_bg.wasm` (inlined with a raw
//! bank and its article) and the minified `style.css`. Everything embedded is escaped so that
//! no text of the bank can end the script element that holds it. The page
//! carries its own Content Security Policy in a `<meta>`: its one inline
//! script and its one inline style are allowed by their SHA-256 hashes,
//! computed here, and nothing else inline, no eval and no network (see
//! `csp`). Outputs are byte-for-byte reproducible: the zip's entries are
//! deflated, in the order given, with one fixed timestamp.

use crate::Bank;
use base64::Engine as _;
use sha2::Digest as _;
use std::io::Write as _;
use std::path::Path;

/// The SCORM runtime, shipped in the package as `citequiz-scorm.js`.
pub const SCORM_JS: &str = include_str!("scorm.js");
const SCORM_JS_NAME: &str = "citequiz-scorm.js";

/// What `build` reads from the widget's build.
pub struct WidgetFiles {
    /// `pkg/single.js`, the page's script and the wasm-bindgen glue in one
    /// minified ES module.
    pub script: String,
    /// `pkg/citequiz_bg.wasm`, the full widget, for a raw bank.
    pub wasm: Vec<u8>,
    /// `pkg/citequiz_player_bg.wasm`, the player, for a compiled bank.
    pub player_wasm: Vec<u8>,
    /// `pkg/style.css`, minified.
    pub css: String,
}

/// Reads the built widget from `www`.
///
/// # Errors
/// A file is missing (the message says to build the widget) or unreadable.
pub fn read_widget(www: &Path) -> Result<WidgetFiles, String> {
    let pkg = www.join("pkg");
    let (js, wasm, player, css) = (
        pkg.join("single.js"),
        pkg.join("citequiz_bg.wasm"),
        pkg.join("citequiz_player_bg.wasm"),
        pkg.join("style.css"),
    );
    if let Some(missing) = [&js, &wasm, &player, &css].into_iter().find(|p| !p.exists()) {
        return Err(format!(
            "the widget is not built ({} is missing): run `bash scripts/build-wasm.sh` first",
            missing.display()
        ));
    }
    let read = |p: &Path| std::fs::read(p).map_err(|e| format!("cannot read {}: {e}", p.display()));
    let text =
        |p: &Path| String::from_utf8(read(p)?).map_err(|_| format!("{} is not UTF-8", p.display()));
    Ok(WidgetFiles {
        script: text(&js)?,
        wasm: read(&wasm)?,
        player_wasm: read(&player)?,
        css: text(&css)?,
    })
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
    let hash = |text: &str| format!("'sha256-{}'", base64(&sha2::Sha256::digest(text)));
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
/// `article_json` is empty when `bank_json` is a compiled bank (`citequiz
/// build` embeds one), which carries its article: the page then inlines the
/// player's Wasm, else the full widget's (`single.js` starts the glue that
/// matches by the same test).
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
    let script = format!("\n{}\n", script_js(w.script.trim_end()));
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
        wasm = base64(if article_json.is_empty() { &w.player_wasm } else { &w.wasm }),
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
fn base64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// A zip archive of `files`, in the order given, deflated, every entry with
/// the same fixed timestamp (1980-01-01 00:00) and mode, so that the same
/// input gives the same bytes.
///
/// # Errors
/// The zip crate's, as text (none is expected writing to memory).
pub fn zip(files: &[(String, Vec<u8>)]) -> Result<Vec<u8>, String> {
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(9))
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    let fail = |e: &dyn std::fmt::Display| format!("cannot write the zip: {e}");
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, data) in files {
        z.start_file(name.as_str(), options).map_err(|e| fail(&e))?;
        z.write_all(data).map_err(|e| fail(&e))?;
    }
    Ok(z.finish().map_err(|e| fail(&e))?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files::load_bank;

    fn bank() -> (Bank, String, String) {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let loaded = load_bank(&root.join("quiz-data/banks/gabuev-quick-check.json"));
        (loaded.bank.unwrap(), loaded.bank_file.unwrap().text, loaded.article_file.unwrap().text)
    }

    fn widget() -> WidgetFiles {
        // A stand-in for the built widget: the tests check packaging, not it.
        WidgetFiles {
            script: "function f() { return '</script><!-- x'; }\n".into(),
            wasm: b"\0asm\x01\0\0\0full".to_vec(),
            player_wasm: b"\0asm\x01\0\0\0player".to_vec(),
            css: "body { color: black }".into(),
        }
    }

    #[test]
    fn the_page_inlines_the_player_for_a_compiled_bank_and_the_full_widget_for_a_raw_one() {
        let (bank, bank_json, article_json) = bank();
        let w = widget();
        let inlined = |html: &str, wasm: &[u8]| html.contains(&base64(wasm));
        let compiled = page(&w, &bank, &bank.compile(), "", None);
        assert!(inlined(&compiled, &w.player_wasm) && !inlined(&compiled, &w.wasm));
        let raw = page(&w, &bank, &bank_json, &article_json, None);
        assert!(inlined(&raw, &w.wasm) && !inlined(&raw, &w.player_wasm));
    }

    /// The entries of a zip, read by the zip crate (which checks every
    /// CRC), each deflated.
    fn unzip(z: &[u8]) -> Vec<(String, Vec<u8>)> {
        use std::io::Read as _;
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(z)).unwrap();
        (0..archive.len())
            .map(|i| {
                let mut entry = archive.by_index(i).unwrap();
                assert_eq!(
                    entry.compression(),
                    zip::CompressionMethod::Deflated,
                    "{}",
                    entry.name()
                );
                assert_eq!(entry.last_modified(), Some(zip::DateTime::default()));
                let mut data = Vec::new();
                entry.read_to_end(&mut data).unwrap();
                (entry.name().to_string(), data)
            })
            .collect()
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
    fn the_csp_hashes_are_base64_sha256() {
        // SHA-256 of "" and of "abc", in standard base64 with padding.
        assert_eq!(
            csp("", "abc", false),
            "default-src 'none'; script-src 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=' \
             'wasm-unsafe-eval'; style-src 'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='; \
             img-src data:; base-uri 'none'; form-action 'none'"
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
            let hash = |t: &str| format!("'sha256-{}'", base64(&sha2::Sha256::digest(t)));
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
