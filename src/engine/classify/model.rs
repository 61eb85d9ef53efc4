//! The shipped model: a quantized linear classifier over hashed features, and its
//! compact, checksummed binary format.
//!
//! Layout (little endian): magic `CHC2`, lexicon fingerprint `u32`, softmax temperature
//! `f32`, feature count `u32`, hash width in bits `u8`, per-topic weight steps `12×f32`,
//! per-topic biases `12×f32`, the byte length `u32` of the range-coded features
//! ([`super::coder`]) and those bytes, and an FNV-1a checksum `u32` of everything before
//! it. Each feature is coded as the gap to the previous (sorted) hash, its IDF level and
//! its twelve weight levels, each decision with its own adaptive statistics; see
//! [`Model::encode`]. Entropy coding matters here: the
//! model ships inside the widget, whose whole download has a size budget.

use super::coder::{Decoder, Encoder, Prob, PROB_HALF};
use super::features::{Feature, Fnv, HASH_BITS};
use crate::engine::topic::Topic;
use std::fmt;

/// Number of topics the model scores.
pub const TOPICS: usize = Topic::ALL.len();
const MAGIC: &[u8; 4] = b"CHC2";
/// IDF values are stored as `round(idf × IDF_SCALE)`: steps of 0.5 lose nothing measurable.
pub const IDF_SCALE: f32 = 2.0;
/// Largest weight level (in steps of the topic's scale).
pub const MAX_LEVEL: i8 = 31;
/// Bits of the IDF level.
const IDF_BITS: u32 = 5;
/// Largest IDF level.
pub const MAX_IDF: u8 = (1 << IDF_BITS) - 1;
/// Bits of a hash gap's length (gaps are at most [`HASH_BITS`] bits long).
const GAP_LENGTH_BITS: u32 = 5;

/// Why a model file was rejected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ModelError {
    /// Not a cardhelp classifier model.
    BadMagic,
    /// The file ends early.
    Truncated,
    /// The bytes do not match their checksum.
    Checksum,
    /// Trained with different glossary/concept files: features would not line up.
    LexiconMismatch { model: u32, shipped: u32 },
    /// Structurally wrong content (e.g. unsorted hashes, non-finite numbers).
    Invalid(&'static str),
    /// The glossary or concepts file does not parse.
    Lexicon(String),
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ModelError::BadMagic => write!(f, "not a cardhelp classifier model"),
            ModelError::Truncated => write!(f, "classifier model is truncated"),
            ModelError::Checksum => write!(f, "classifier model is corrupted (checksum)"),
            ModelError::LexiconMismatch { model, shipped } => write!(
                f,
                "classifier model was trained with lexicon {model:08x}, shipped lexicon is {shipped:08x}: retrain"
            ),
            ModelError::Invalid(what) => write!(f, "classifier model is invalid: {what}"),
            ModelError::Lexicon(e) => write!(f, "classifier lexicon is invalid: {e}"),
        }
    }
}

impl std::error::Error for ModelError {}

/// A linear classifier over hashed, TF-IDF weighted, L2-normalised features.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    pub lexicon_fingerprint: u32,
    /// Scores are multiplied by this before the softmax, calibrating probabilities.
    pub temperature: f32,
    pub scales: [f32; TOPICS],
    pub bias: [f32; TOPICS],
    /// Strictly increasing feature hashes (below `2^HASH_BITS`); a feature's index is its
    /// position here.
    pub hashes: Vec<u32>,
    /// IDF levels: the IDF is `level / IDF_SCALE`.
    pub idf: Vec<u8>,
    /// `hashes.len() × TOPICS` levels in `−MAX_LEVEL..=MAX_LEVEL`, feature-major; see
    /// [`Model::weight`].
    pub weights: Vec<i8>,
}

/// Raw topic scores and how much each feature occurrence added to each.
pub struct Scored {
    pub scores: [f32; TOPICS],
    /// Per input feature occurrence: its contribution to every topic (0 if unknown).
    pub contributions: Vec<[f32; TOPICS]>,
}

impl Model {
    /// The fingerprint of a glossary and concept file pair, stored in the model so a model
    /// is never used with a lexicon it was not trained with.
    pub fn fingerprint(glossary: &str, concepts: &str) -> u32 {
        Fnv::new().str(glossary).str("\0").str(concepts).finish()
    }

    /// The weight of feature `i` for topic `t`.
    pub fn weight(&self, i: usize, t: usize) -> f32 {
        f32::from(self.weights[i * TOPICS + t]) * self.scales[t]
    }

    /// Index of a feature hash, if the model knows it.
    pub fn index(&self, hash: u32) -> Option<usize> {
        self.hashes.binary_search(&hash).ok()
    }

    /// Scores a text's features. Value of a feature: `(1 + ln tf) × idf`, L2-normalised
    /// over the features the model knows (unknown ones carry no weight anyway).
    pub fn score(&self, features: &[Feature]) -> Scored {
        let indices: Vec<Option<usize>> = features.iter().map(|f| self.index(f.hash)).collect();
        // Occurrences per known feature, by model index: a table as long as the model
        // yields the features in index order without a sort (the order fixes the float
        // sums, so scores are reproducible).
        let mut counts = vec![0u32; self.hashes.len()];
        for &i in indices.iter().flatten() {
            counts[i] += 1;
        }
        let values: Vec<(usize, f32, f32)> = counts
            .iter()
            .enumerate()
            .filter(|(_, &n)| n > 0)
            .map(|(i, &n)| {
                let tf = n as f32;
                (i, tf, (1.0 + tf.ln()) * f32::from(self.idf[i]) / IDF_SCALE)
            })
            .collect();
        let norm = values.iter().map(|v| v.2 * v.2).sum::<f32>().sqrt();
        let mut scores = self.bias;
        // Contribution of each distinct known feature, aligned with `values`.
        let mut per_feature: Vec<[f32; TOPICS]> = Vec::with_capacity(values.len());
        for &(i, tf, value) in &values {
            let x = if norm > 0.0 { value / norm } else { 0.0 };
            let mut c = [0.0; TOPICS];
            for (t, c) in c.iter_mut().enumerate() {
                *c = x * self.weight(i, t);
                scores[t] += *c;
            }
            // Shared equally by the occurrences of the feature.
            per_feature.push(c.map(|v| v / tf));
        }
        let contributions = indices
            .iter()
            .map(|i| {
                i.and_then(|i| values.binary_search_by_key(&i, |v| v.0).ok())
                    .map_or([0.0; TOPICS], |k| per_feature[k])
            })
            .collect();
        Scored {
            scores,
            contributions,
        }
    }

    /// Calibrated probabilities from raw scores.
    pub fn probabilities(&self, scores: &[f32; TOPICS]) -> [f32; TOPICS] {
        softmax(scores, self.temperature)
    }

    /// The binary form described in the module docs.
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(128 + self.hashes.len() * 5);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&self.lexicon_fingerprint.to_le_bytes());
        out.extend_from_slice(&self.temperature.to_le_bytes());
        out.extend_from_slice(&(self.hashes.len() as u32).to_le_bytes());
        out.push(HASH_BITS as u8);
        for v in self.scales.iter().chain(&self.bias) {
            out.extend_from_slice(&v.to_le_bytes());
        }
        let mut e = Encoder::default();
        let mut stats = Stats::default();
        let mut previous: Option<u32> = None;
        for (i, &h) in self.hashes.iter().enumerate() {
            // Gap minus one (hashes strictly increase), plus one to make it ≥ 1, whose bit
            // length is coded adaptively and its remaining bits as even odds.
            let gap = h - previous.map_or(0, |p| p + 1) + 1;
            previous = Some(h);
            let length = 32 - gap.leading_zeros();
            e.tree(&mut stats.gap_length, length, GAP_LENGTH_BITS);
            e.direct(gap, length - 1);
            e.tree(&mut stats.idf, u32::from(self.idf[i]), IDF_BITS);
            let mut nonzero = 0;
            for (t, &q) in self.weights[i * TOPICS..(i + 1) * TOPICS]
                .iter()
                .enumerate()
            {
                e.bit(&mut stats.zero[t][nonzero.min(3)], q != 0);
                if q != 0 {
                    nonzero += 1;
                    e.bit(&mut stats.sign[t], q < 0);
                    let magnitude = q.unsigned_abs() as usize;
                    for k in 1..MAX_LEVEL as usize {
                        e.bit(&mut stats.more[k.min(7)], magnitude > k);
                        if magnitude == k {
                            break;
                        }
                    }
                }
            }
        }
        let payload = e.finish();
        out.extend_from_slice(&(payload.len() as u32).to_le_bytes());
        out.extend_from_slice(&payload);
        let checksum = Fnv::new().bytes(&out).finish();
        out.extend_from_slice(&checksum.to_le_bytes());
        out
    }

    /// Parses and validates a model; `lexicon_fingerprint` is that of the shipped lexicon.
    pub fn decode(bytes: &[u8], lexicon_fingerprint: u32) -> Result<Model, ModelError> {
        if bytes.len() < 4 || &bytes[..4] != MAGIC {
            return Err(ModelError::BadMagic);
        }
        let Some(body_len) = bytes.len().checked_sub(4).filter(|&n| n >= 4) else {
            return Err(ModelError::Truncated);
        };
        let (body, checksum) = bytes.split_at(body_len);
        if Fnv::new().bytes(body).finish().to_le_bytes() != checksum {
            return Err(ModelError::Checksum);
        }
        let mut r = Reader { bytes: body, at: 4 };
        let fingerprint = r.u32()?;
        if fingerprint != lexicon_fingerprint {
            return Err(ModelError::LexiconMismatch {
                model: fingerprint,
                shipped: lexicon_fingerprint,
            });
        }
        let temperature = r.f32()?;
        let n = r.u32()? as usize;
        if u32::from(r.take(1)?[0]) != HASH_BITS {
            return Err(ModelError::Invalid("hash width differs from this build's"));
        }
        let mut scales = [0.0; TOPICS];
        let mut bias = [0.0; TOPICS];
        for v in scales.iter_mut().chain(bias.iter_mut()) {
            *v = r.f32()?;
        }
        let finite = scales.iter().chain(&bias).all(|v| v.is_finite());
        if !(finite && temperature.is_finite() && temperature > 0.0) {
            return Err(ModelError::Invalid("non-finite or non-positive parameters"));
        }
        let payload_len = r.u32()? as usize;
        let payload = r.take(payload_len)?;
        if r.at != body.len() {
            return Err(ModelError::Invalid("trailing bytes"));
        }
        // A feature costs well over a bit: reject absurd counts before allocating for them.
        if n == 0 || n > payload.len() * 8 {
            return Err(ModelError::Invalid("feature count"));
        }
        let mut d = Decoder::new(payload);
        let mut stats = Stats::default();
        let mut hashes = Vec::with_capacity(n);
        let mut idf = Vec::with_capacity(n);
        let mut weights = Vec::with_capacity(n * TOPICS);
        let mut next = 0u64;
        for _ in 0..n {
            let length = d.tree(&mut stats.gap_length, GAP_LENGTH_BITS);
            if length == 0 || length > HASH_BITS + 1 {
                return Err(ModelError::Invalid("feature hash gap"));
            }
            let gap = (1 << (length - 1) | d.direct(length - 1)) - 1;
            let hash = next + u64::from(gap);
            if hash >= 1 << HASH_BITS {
                return Err(ModelError::Invalid("feature hash out of range"));
            }
            hashes.push(hash as u32);
            next = hash + 1;
            idf.push(d.tree(&mut stats.idf, IDF_BITS) as u8);
            let mut nonzero = 0;
            for t in 0..TOPICS {
                let mut q = 0i8;
                if d.bit(&mut stats.zero[t][nonzero.min(3)]) {
                    nonzero += 1;
                    let negative = d.bit(&mut stats.sign[t]);
                    q = 1;
                    while q < MAX_LEVEL && d.bit(&mut stats.more[(q as usize).min(7)]) {
                        q += 1;
                    }
                    if negative {
                        q = -q;
                    }
                }
                weights.push(q);
            }
        }
        if !d.used_all() {
            return Err(ModelError::Invalid("feature data length"));
        }
        Ok(Model {
            lexicon_fingerprint: fingerprint,
            temperature,
            scales,
            bias,
            hashes,
            idf,
            weights,
        })
    }
}

/// The adaptive statistics of [`Model::encode`]: gap lengths and IDF levels as bit trees;
/// per topic, "non-zero?" given how many of the feature's earlier topics were non-zero,
/// and the sign; "larger still?" for each magnitude step (steps past 7 share one).
struct Stats {
    gap_length: [Prob; 1 << GAP_LENGTH_BITS],
    idf: [Prob; 1 << IDF_BITS],
    zero: [[Prob; 4]; TOPICS],
    sign: [Prob; TOPICS],
    more: [Prob; 8],
}

impl Default for Stats {
    fn default() -> Self {
        Stats {
            gap_length: [PROB_HALF; 1 << GAP_LENGTH_BITS],
            idf: [PROB_HALF; 1 << IDF_BITS],
            zero: [[PROB_HALF; 4]; TOPICS],
            sign: [PROB_HALF; TOPICS],
            more: [PROB_HALF; 8],
        }
    }
}

/// `softmax(scores × temperature)`.
pub fn softmax(scores: &[f32; TOPICS], temperature: f32) -> [f32; TOPICS] {
    let scaled = scores.map(|s| s * temperature);
    let max = scaled.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let exp = scaled.map(|s| (s - max).exp());
    let sum: f32 = exp.iter().sum();
    exp.map(|e| e / sum)
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self.at.checked_add(n).ok_or(ModelError::Truncated)?;
        let slice = self.bytes.get(self.at..end).ok_or(ModelError::Truncated)?;
        self.at = end;
        Ok(slice)
    }

    fn u32(&mut self) -> Result<u32, ModelError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn f32(&mut self) -> Result<f32, ModelError> {
        self.u32().map(f32::from_bits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny() -> Model {
        Model {
            lexicon_fingerprint: 7,
            temperature: 2.0,
            scales: [0.01; TOPICS],
            bias: [0.0; TOPICS],
            hashes: vec![0, 3, 200, (1 << HASH_BITS) - 1],
            idf: vec![2, 16, 31, 7],
            weights: (0..4 * TOPICS)
                .map(|i| [0, 0, 1, -1, 0, 3, -31, 31, 0, 2][i % 10])
                .collect(),
        }
    }

    #[test]
    fn round_trips_through_bytes() {
        let m = tiny();
        assert_eq!(Model::decode(&m.encode(), 7), Ok(m));
    }

    #[test]
    fn rejects_damage_of_every_kind() {
        let bytes = tiny().encode();
        assert_eq!(Model::decode(b"nope", 7), Err(ModelError::BadMagic));
        assert_eq!(Model::decode(&bytes[..6], 7), Err(ModelError::Truncated));
        let mut flipped = bytes.clone();
        flipped[20] ^= 1;
        assert_eq!(Model::decode(&flipped, 7), Err(ModelError::Checksum));
        assert!(matches!(
            Model::decode(&bytes, 8),
            Err(ModelError::LexiconMismatch { model: 7, .. })
        ));
        for cut in 0..bytes.len() {
            assert!(Model::decode(&bytes[..cut], 7).is_err(), "cut at {cut}");
        }
    }

    #[test]
    fn rejects_structurally_wrong_content_even_with_a_valid_checksum() {
        let mut m = tiny();
        m.temperature = f32::NAN;
        assert!(matches!(
            Model::decode(&m.encode(), 7),
            Err(ModelError::Invalid(_))
        ));
    }

    #[test]
    fn probabilities_sum_to_one_and_follow_scores() {
        let m = tiny();
        let mut scores = [0.0; TOPICS];
        scores[4] = 1.0;
        let p = m.probabilities(&scores);
        assert!((p.iter().sum::<f32>() - 1.0).abs() < 1e-5);
        assert!(p.iter().enumerate().all(|(i, &x)| i == 4 || x < p[4]));
    }
}
