//! The shipped model: a quantized linear classifier over hashed features, and its
//! compact, checksummed binary format.
//!
//! Layout (little endian): magic `CHC1`, lexicon fingerprint `u32`, softmax temperature
//! `f32`, feature count `u32`, per-topic weight scales `12×f32`, per-topic biases `12×f32`,
//! feature hashes as LEB128 deltas (strictly increasing), per-feature IDF `u8` (÷16),
//! weights `i8` feature-major (×scale), and an FNV-1a checksum `u32` of everything before.
//! Sorted hashes as deltas and small integers compress well, which matters for the
//! widget's size budget.

use super::features::{Feature, Fnv};
use crate::engine::topic::Topic;
use std::fmt;

/// Number of topics the model scores.
pub const TOPICS: usize = Topic::ALL.len();
const MAGIC: &[u8; 4] = b"CHC1";
/// IDF values are stored as `round(idf × IDF_SCALE)`.
pub const IDF_SCALE: f32 = 16.0;

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
    /// Strictly increasing feature hashes; a feature's index is its position here.
    pub hashes: Vec<u32>,
    pub idf: Vec<u8>,
    /// `hashes.len() × TOPICS` levels in −7..=7, feature-major; see [`Model::weight`].
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
        let q = f32::from(self.weights[i * TOPICS + t]);
        q * q.abs() * self.scales[t]
    }

    /// Index of a feature hash, if the model knows it.
    pub fn index(&self, hash: u32) -> Option<usize> {
        self.hashes.binary_search(&hash).ok()
    }

    /// Scores a text's features. Value of a feature: `(1 + ln tf) × idf`, L2-normalised
    /// over the features the model knows (unknown ones carry no weight anyway).
    pub fn score(&self, features: &[Feature]) -> Scored {
        let indices: Vec<Option<usize>> = features.iter().map(|f| self.index(f.hash)).collect();
        let mut distinct: Vec<usize> = indices.iter().flatten().copied().collect();
        distinct.sort_unstable();
        let mut counts: Vec<(usize, f32)> = Vec::with_capacity(distinct.len());
        for i in distinct {
            match counts.last_mut() {
                Some((last, n)) if *last == i => *n += 1.0,
                _ => counts.push((i, 1.0)),
            }
        }
        let values: Vec<(usize, f32, f32)> = counts
            .iter()
            .map(|&(i, tf)| (i, tf, (1.0 + tf.ln()) * f32::from(self.idf[i]) / IDF_SCALE))
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
        let mut out = Vec::with_capacity(64 + self.hashes.len() * (3 + 1 + TOPICS / 2));
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&self.lexicon_fingerprint.to_le_bytes());
        out.extend_from_slice(&self.temperature.to_le_bytes());
        out.extend_from_slice(&(self.hashes.len() as u32).to_le_bytes());
        for v in self.scales.iter().chain(&self.bias) {
            out.extend_from_slice(&v.to_le_bytes());
        }
        let mut previous = 0u32;
        for &h in &self.hashes {
            let mut delta = h - previous;
            previous = h;
            loop {
                let byte = (delta & 0x7f) as u8;
                delta >>= 7;
                if delta == 0 {
                    out.push(byte);
                    break;
                }
                out.push(byte | 0x80);
            }
        }
        out.extend_from_slice(&self.idf);
        for pair in self.weights.chunks(2) {
            let nibble = |q: Option<&i8>| q.map_or(0, |&q| (q + 8) as u8);
            out.push(nibble(pair.first()) | nibble(pair.get(1)) << 4);
        }
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
        let mut scales = [0.0; TOPICS];
        let mut bias = [0.0; TOPICS];
        for v in scales.iter_mut().chain(bias.iter_mut()) {
            *v = r.f32()?;
        }
        let finite = scales.iter().chain(&bias).all(|v| v.is_finite());
        if !(finite && temperature.is_finite() && temperature > 0.0) {
            return Err(ModelError::Invalid("non-finite or non-positive parameters"));
        }
        // Each feature needs at least 1 + 1 + TOPICS / 2 bytes: reject absurd counts before
        // allocating for them.
        if n == 0 || n > body.len() / (2 + TOPICS / 2) {
            return Err(ModelError::Invalid("feature count"));
        }
        let mut hashes = Vec::with_capacity(n);
        let mut previous = 0u32;
        for i in 0..n {
            let delta = r.leb128()?;
            if i > 0 && delta == 0 {
                return Err(ModelError::Invalid(
                    "feature hashes not strictly increasing",
                ));
            }
            previous = previous
                .checked_add(delta)
                .ok_or(ModelError::Invalid("feature hash overflow"))?;
            hashes.push(previous);
        }
        let idf = r.take(n)?.to_vec();
        let packed = r.take((n * TOPICS).div_ceil(2))?;
        let weights: Vec<i8> = packed
            .iter()
            .flat_map(|&b| [b & 0x0f, b >> 4])
            .take(n * TOPICS)
            .map(|nibble| nibble as i8 - 8)
            .collect();
        if weights.iter().any(|&q| q < -7) {
            return Err(ModelError::Invalid("weight level out of range"));
        }
        if r.at != body.len() {
            return Err(ModelError::Invalid("trailing bytes"));
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

    fn leb128(&mut self) -> Result<u32, ModelError> {
        let mut value = 0u32;
        for shift in (0..35).step_by(7) {
            let byte = self.take(1)?[0];
            let bits = u32::from(byte & 0x7f);
            if shift == 28 && bits > 0x0f {
                return Err(ModelError::Invalid("feature hash delta too large"));
            }
            value |= bits << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(ModelError::Invalid("feature hash delta too long"))
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
            hashes: vec![3, 200, u32::MAX],
            idf: vec![16, 32, 48],
            weights: (0..3 * TOPICS).map(|i| (i % 15) as i8 - 7).collect(),
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
