//! The W3C Web Annotation TextQuoteSelector: how banks cite the article.

use serde::{Deserialize, Serialize};

/// A quote of the article, with optional context to tell repeats apart.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Selector {
    /// The quoted text, as in the article.
    pub exact: String,
    /// Text just before the quote, to tell repeated quotes apart.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefix: Option<String>,
    /// Text just after the quote, to tell repeated quotes apart.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suffix: Option<String>,
}

impl Selector {
    /// A selector with the quote alone.
    pub fn exact(exact: impl Into<String>) -> Self {
        Selector { exact: exact.into(), prefix: None, suffix: None }
    }
}
