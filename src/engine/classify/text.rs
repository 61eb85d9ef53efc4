//! Turning what a cardholder typed into comparable words.
//!
//! Phones give us "didnt", "cobró", "CHARGED", "tarjeta"; CFPB narratives give us "XXXX"
//! redactions and "{$400.00}" amounts. Everything is folded to unaccented lowercase so
//! spelling variants meet, and boilerplate that says nothing about the topic is dropped.

use std::ops::Range;

/// Input beyond this many bytes is ignored: a complaint's topic is clear long before,
/// and the cap keeps a pasted megabyte from costing more than a normal text.
pub const MAX_INPUT_BYTES: usize = 16 * 1024;

/// One word of the input, folded, with where it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// Lowercase, accents removed, apostrophes dropped ("Didn't" → "didnt").
    pub folded: String,
    /// Byte range of the word in the original text, so explanations can quote it.
    pub span: Range<usize>,
}

/// Every way of saying "not" becomes the one word `not`, so "didn't make", "did not make"
/// and "no hice" share features with each other.
const NEGATIONS: [&str; 22] = [
    "not", "no", "never", "didnt", "dont", "doesnt", "wasnt", "werent", "havent", "hasnt", "isnt",
    "cant", "cannot", "wont", "couldnt", "wouldnt", "arent", "aint", "didn", "don", "nunca",
    "jamas",
];

/// Splits `text` into folded words, skipping numbers and redaction marks.
pub fn words(text: &str) -> Vec<Word> {
    let text = truncate(text, MAX_INPUT_BYTES);
    let mut out = Vec::new();
    let mut current = String::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if let Some(folded) = word_char(c) {
            if current.is_empty() {
                start = i;
            }
            current.push(folded);
        } else if (c == '\'' || c == '’') && !current.is_empty() {
            // Inside a word: "didn't" → "didnt".
        } else if !current.is_empty() {
            push_word(&mut out, std::mem::take(&mut current), start..i);
        }
    }
    if !current.is_empty() {
        push_word(&mut out, current, start..text.len());
    }
    out
}

fn push_word(out: &mut Vec<Word>, folded: String, span: Range<usize>) {
    let redaction = folded.len() >= 2 && folded.bytes().all(|b| b == b'x');
    let number = folded.bytes().all(|b| b.is_ascii_digit());
    if redaction || number {
        return;
    }
    let folded = if NEGATIONS.contains(&folded.as_str()) {
        "not".to_string()
    } else {
        folded
    };
    out.push(Word { folded, span });
}

/// The longest prefix of `text` of at most `max` bytes that ends on a character boundary.
fn truncate(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// `c` as it counts inside a word (lowercase, accents removed), or `None` if it separates
/// words: spaces, punctuation, symbols, emoji.
///
/// Only Latin letters are lowercased and folded, since the model knows English and Spanish;
/// letters of other scripts still make words, which simply carry no known features. Written
/// out instead of `char::is_alphanumeric` and `char::to_lowercase`, whose Unicode tables
/// would cost the wasm about 6 KB (brotli) for text the model cannot use anyway.
fn word_char(c: char) -> Option<char> {
    match c {
        'a'..='z' | '0'..='9' | 'ª' | 'µ' | 'º' | '²' | '³' | '¹' | '¼'..='¾' => Some(c),
        'A'..='Z' | 'À'..='Þ' | 'ß'..='ÿ' if c != '×' && c != '÷' => Some(fold(lowercase(c))),
        '\0'..='\u{ff}' => None,
        '\u{2000}'..='\u{2bff}'
        | '\u{2e00}'..='\u{2e7f}'
        | '\u{3000}'..='\u{303f}'
        | '\u{fe00}'..='\u{fe0f}'
        | '\u{feff}'
        | '\u{ff00}'..='\u{ff0f}'
        | '\u{1f000}'..='\u{1faff}'
        | '\u{e0000}'..='\u{e007f}' => None,
        other => Some(other),
    }
}

/// `c` in lowercase if it is an uppercase letter of Basic Latin or Latin-1.
fn lowercase(c: char) -> char {
    match c {
        'A'..='Z' | 'À'..='Þ' if c != '×' => char::from_u32(u32::from(c) + 0x20).unwrap_or(c),
        other => other,
    }
}

/// `text` with its Latin capitals lowercased, accents kept: how a reason word is shown.
pub fn lowercase_latin(text: &str) -> String {
    text.chars().map(lowercase).collect()
}

/// Removes the accents Spanish and English text use ("cobró" → "cobro", "ñ" → "n").
fn fold(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ñ' => 'n',
        'ç' => 'c',
        'ý' | 'ÿ' => 'y',
        other => other,
    }
}

/// Suffixes removed by [`stem`], English and Spanish together, longest first so that
/// "fraudulentas" and "fraudulenta" both end up as "fraudulent".
const SUFFIXES: [&str; 42] = [
    "aciones", "ciones", "ations", "ieron", "iendo", "acion", "mente", "ation", "ments", "cion",
    "amos", "aron", "ando", "ados", "adas", "idos", "idas", "ment", "ings", "edly", "ado", "ada",
    "ido", "ida", "ing", "ies", "ar", "er", "ir", "an", "en", "as", "os", "io", "ed", "es", "ly",
    "s", "o", "a", "e", "i",
];

/// Light stemming for English and Spanish: strips one inflectional suffix, keeping at least
/// three letters, so "charged", "charges" and "charge" (and "cobraron", "cobro") meet.
/// It over-stems sometimes; consistency matters more here than linguistic accuracy.
pub fn stem(word: &str) -> &str {
    if word.len() <= 3 || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return word;
    }
    SUFFIXES
        .iter()
        // "ly" needs four letters left, or "apply" and "reply" would become "app", "rep".
        .find(|s| word.len() >= s.len() + 3 + usize::from(**s == "ly") && word.ends_with(*s))
        .map_or(word, |s| &word[..word.len() - s.len()])
}

/// Function words that carry no topic; lexicon phrases are matched with them removed so
/// "lost my card" and "lost card" are the same cue.
pub fn is_stop_word(folded: &str) -> bool {
    const STOP: [&str; 47] = [
        "the", "a", "an", "my", "i", "me", "to", "of", "and", "or", "in", "on", "at", "for", "is",
        "was", "be", "it", "this", "that", "with", "el", "la", "los", "las", "un", "una", "mi",
        "mis", "yo", "de", "del", "en", "y", "o", "que", "se", "por", "para", "con", "lo", "le",
        "su", "al", "do", "did", "does",
    ];
    STOP.contains(&folded)
}

/// Words that name the card, the bill or the account, or ask for help, without saying what
/// went wrong ("a question about my bill", "ayuda con mi tarjeta"), folded, one space apart
/// (one string rather than an array: rustfmt would give each word a line).
const VAGUE_WORDS: &str = "card cards credit bill bills account accounts statement bank \
    company question questions problem problems issue issues help about have has need want \
    please hi hello tarjeta tarjetas credito factura facturas cuenta cuentas estado banco \
    compania pregunta preguntas problema problemas ayuda ayudar sobre tengo tiene necesito \
    quiero favor hola";

/// Whether `folded` is one of the `VAGUE_WORDS`. They still count in the model; they only
/// cannot make an answer confident on their own (see `classify::MIN_EVIDENCE_WORDS`).
pub fn is_vague_word(folded: &str) -> bool {
    VAGUE_WORDS.split(' ').any(|w| w == folded)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(text: &str) -> Vec<String> {
        words(text).into_iter().map(|w| w.folded).collect()
    }

    #[test]
    fn folds_accents_case_and_contractions() {
        assert_eq!(folded("Me COBRÓ el Año"), ["me", "cobro", "el", "ano"]);
        assert_eq!(folded("I didn’t make it"), ["i", "not", "make", "it"]);
    }

    #[test]
    fn symbols_and_emoji_separate_words_and_other_scripts_stay_words() {
        assert_eq!(
            folded("cargo—doble 💳x2…¿por qué?"),
            ["cargo", "doble", "x2", "por", "que"]
        );
        assert_eq!(folded("ÀÉÎÕÜ Ñandú ×÷"), ["aeiou", "nandu"]);
        assert_eq!(folded("карта 卡"), ["карта", "卡"]);
        assert_eq!(lowercase_latin("CARGO Ñ DOBLE"), "cargo ñ doble");
    }

    /// Every Basic Latin and Latin-1 character is classified as the standard library does.
    #[test]
    fn latin_characters_agree_with_the_unicode_tables() {
        for c in '\0'..='\u{ff}' {
            let expected = c.is_alphanumeric().then(|| {
                let lower: Vec<char> = c.to_lowercase().collect();
                fold(lower[0])
            });
            assert_eq!(word_char(c), expected, "{c:?}");
        }
    }

    #[test]
    fn drops_redactions_and_numbers_but_keeps_spans() {
        let w = words("On XX/XX/XXXX paid {$400.00} late");
        assert_eq!(
            w.iter().map(|w| w.folded.as_str()).collect::<Vec<_>>(),
            ["on", "paid", "late"]
        );
        assert_eq!(
            &"On XX/XX/XXXX paid {$400.00} late"[w[1].span.clone()],
            "paid"
        );
    }

    #[test]
    fn stems_english_and_spanish_inflections_together() {
        for (a, b) in [
            ("charged", "charges"),
            ("charge", "charging"),
            ("cobraron", "cobro"),
            ("fraudulentas", "fraudulenta"),
            ("fees", "fee"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} vs {b}");
        }
        assert_eq!(stem("card"), "card");
        assert_ne!(stem("apply"), stem("app"));
        assert_eq!(stem("ano"), "ano");
    }

    /// A vague word must be written as the text reaches it (folded) and must not be a stop
    /// word, which never counts as evidence anyway.
    #[test]
    fn vague_words_are_single_folded_words_and_not_stop_words() {
        for word in VAGUE_WORDS.split(' ') {
            assert_eq!(folded(word), [word]);
            assert!(!is_stop_word(word), "{word}");
            assert!(is_vague_word(word), "{word}");
        }
        for word in ["", "car", "cards x", "stolen", "fraud", "my"] {
            assert!(!is_vague_word(word), "{word:?}");
        }
    }

    #[test]
    fn caps_huge_input_on_a_char_boundary() {
        let text = "é".repeat(MAX_INPUT_BYTES);
        let w = words(&text);
        assert_eq!(w.len(), 1);
        assert!(w[0].span.end <= MAX_INPUT_BYTES);
    }
}
