//! A small adaptive binary range coder for the model file.
//!
//! The model's numbers (hash gaps, IDF levels, weight levels) are mostly small and
//! skewed, so each is written as a few yes/no decisions whose probabilities adapt as the
//! file is read: the bytes come out close to the information they carry, and a generic
//! compressor (the widget's brotli) cannot shrink them further. This is the classic
//! carry-less scheme of LZMA-style coders: 11-bit probabilities, adaptation rate 1/32.
//!
//! Decoding never panics: reading past the end yields zero bytes, and the caller checks
//! that exactly the whole input was used.

/// Probability of a 0 bit, in 1/2048ths.
pub type Prob = u16;

const PROB_BITS: u32 = 11;
const PROB_ONE: u32 = 1 << PROB_BITS;
/// The initial probability: no idea yet.
pub const PROB_HALF: Prob = 1 << (PROB_BITS - 1);
const ADAPT: u32 = 5;
const TOP: u32 = 1 << 24;

/// Writes decisions; [`Encoder::finish`] returns the bytes.
pub struct Encoder {
    low: u64,
    range: u32,
    cache: u8,
    pending: u64,
    out: Vec<u8>,
}

impl Default for Encoder {
    fn default() -> Self {
        Encoder {
            low: 0,
            range: u32::MAX,
            cache: 0,
            pending: 1,
            out: Vec::new(),
        }
    }
}

impl Encoder {
    /// Codes `bit` with the adaptive probability `p`, then adapts `p`.
    pub fn bit(&mut self, p: &mut Prob, bit: bool) {
        let bound = (self.range >> PROB_BITS) * u32::from(*p);
        if bit {
            self.low += u64::from(bound);
            self.range -= bound;
            *p -= *p >> ADAPT;
        } else {
            self.range = bound;
            *p += ((PROB_ONE - u32::from(*p)) >> ADAPT) as Prob;
        }
        while self.range < TOP {
            self.range <<= 8;
            self.shift_low();
        }
    }

    /// Codes the low `n` bits of `value`, most significant first, as even odds.
    pub fn direct(&mut self, value: u32, n: u32) {
        for i in (0..n).rev() {
            self.bit(&mut PROB_HALF.clone(), value >> i & 1 == 1);
        }
    }

    /// Codes the low `n` bits of `value` through a bit tree of `2^n` adaptive
    /// probabilities (`tree.len() >= 2^n`): every prefix has its own statistics.
    pub fn tree(&mut self, tree: &mut [Prob], value: u32, n: u32) {
        let mut node = 1usize;
        for i in (0..n).rev() {
            let bit = value >> i & 1 == 1;
            self.bit(&mut tree[node], bit);
            node = node * 2 + usize::from(bit);
        }
    }

    fn shift_low(&mut self) {
        if self.low < 0xFF00_0000 || self.low >= 1 << 32 {
            let carry = (self.low >> 32) as u8;
            let mut byte = self.cache;
            while self.pending > 0 {
                self.out.push(byte.wrapping_add(carry));
                byte = 0xFF;
                self.pending -= 1;
            }
            self.cache = (self.low >> 24) as u8;
        }
        self.pending += 1;
        self.low = (self.low & 0x00FF_FFFF) << 8;
    }

    pub fn finish(mut self) -> Vec<u8> {
        for _ in 0..5 {
            self.shift_low();
        }
        self.out
    }
}

/// Reads what [`Encoder`] wrote, given the same sequence of calls.
pub struct Decoder<'a> {
    bytes: &'a [u8],
    at: usize,
    range: u32,
    code: u32,
}

impl<'a> Decoder<'a> {
    pub fn new(bytes: &'a [u8]) -> Decoder<'a> {
        let mut d = Decoder {
            bytes,
            at: 0,
            range: u32::MAX,
            code: 0,
        };
        for _ in 0..5 {
            d.code = d.code << 8 | d.byte();
        }
        d
    }

    fn byte(&mut self) -> u32 {
        let b = self.bytes.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        u32::from(b)
    }

    pub fn bit(&mut self, p: &mut Prob) -> bool {
        let bound = (self.range >> PROB_BITS) * u32::from(*p);
        let bit = if self.code < bound {
            self.range = bound;
            *p += ((PROB_ONE - u32::from(*p)) >> ADAPT) as Prob;
            false
        } else {
            self.code -= bound;
            self.range -= bound;
            *p -= *p >> ADAPT;
            true
        };
        if self.range < TOP {
            self.range <<= 8;
            self.code = self.code << 8 | self.byte();
        }
        bit
    }

    pub fn direct(&mut self, n: u32) -> u32 {
        (0..n).fold(0, |v, _| {
            v << 1 | u32::from(self.bit(&mut PROB_HALF.clone()))
        })
    }

    pub fn tree(&mut self, tree: &mut [Prob], n: u32) -> u32 {
        let mut node = 1usize;
        for _ in 0..n {
            node = node * 2 + usize::from(self.bit(&mut tree[node]));
        }
        (node - (1 << n)) as u32
    }

    /// Whether exactly the encoder's output was read (the encoder flushes 4 bytes beyond
    /// the last decision; the decoder reads them at the start).
    pub fn used_all(&self) -> bool {
        self.at == self.bytes.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_skewed_and_even_decisions() {
        let mut e = Encoder::default();
        let (mut p, mut tree) = (PROB_HALF, [PROB_HALF; 32]);
        let values: Vec<u32> = (0..5000u32).map(|i| (i * 7919) % 97).collect();
        for &v in &values {
            e.bit(&mut p, v % 11 == 0);
            e.tree(&mut tree, v % 32, 5);
            e.direct(v, 7);
        }
        let bytes = e.finish();
        let mut d = Decoder::new(&bytes);
        let (mut p, mut tree) = (PROB_HALF, [PROB_HALF; 32]);
        for &v in &values {
            assert_eq!(d.bit(&mut p), v % 11 == 0);
            assert_eq!(d.tree(&mut tree, 5), v % 32);
            assert_eq!(d.direct(7), v % 128);
        }
        assert!(d.used_all(), "read {} of {}", d.at, bytes.len());
    }

    #[test]
    fn skewed_decisions_cost_less_than_a_bit() {
        let mut e = Encoder::default();
        let mut p = PROB_HALF;
        for i in 0..8000 {
            e.bit(&mut p, i % 20 == 0);
        }
        // Entropy of p = 0.05 is 0.29 bits: 8000 decisions ≈ 290 bytes.
        assert!(e.finish().len() < 360);
    }

    #[test]
    fn garbage_decodes_without_panicking() {
        let mut d = Decoder::new(&[0xff; 3]);
        let mut tree = [0u16; 8];
        for _ in 0..100 {
            d.tree(&mut tree, 3);
            d.direct(9);
        }
    }
}
