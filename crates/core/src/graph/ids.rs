//! The index from node ids to graph nodes, laid out for plans of a million nodes.
//!
//! Finding a link's two ends is most of the work of loading a large plan, and at that
//! size nearly every lookup misses the caches (and the TLB): what counts is how many
//! scattered places in memory one lookup reads. Here it is one, mostly: an open-
//! addressing table whose 16-byte slots hold the node, a few bits of the id's hash
//! and, when the id is short (most are, "I12345"), the id itself, so a lookup reads
//! one slot, or the next few in the same cache line. (A general hash table reads its
//! control bytes and its entries in two places, and a map keyed by the ids' `String`s
//! a third: the id's own allocation.) Longer ids are copied back to back into one
//! buffer and compared there.

use std::hash::BuildHasher;

use hashbrown::DefaultHashBuilder;
use petgraph::stable_graph::NodeIndex;

/// Ids of up to this many bytes live in the slot itself.
const INLINE_BYTES: usize = 10;

/// `Slot::length` of an id longer than [`INLINE_BYTES`].
const LONG: u8 = u8::MAX;

/// `Slot::node` of an empty slot (petgraph's own "no node").
const EMPTY: u32 = u32::MAX;

/// Removed ids are dropped from the buffer once they take more than half of it, and
/// more than this many bytes (a few edits are not worth a copy).
const COMPACT_AFTER_BYTES: usize = 4096;

/// A node, the top byte of its id's hash, and its id when short: 16 bytes.
#[derive(Debug, Clone, Copy)]
struct Slot {
    node: u32,
    tag: u8,
    length: u8,
    inline: [u8; INLINE_BYTES],
}

const EMPTY_SLOT: Slot = Slot {
    node: EMPTY,
    tag: 0,
    length: 0,
    inline: [0; INLINE_BYTES],
};

#[derive(Debug, Clone, Default)]
pub(super) struct IdIndex {
    /// A power of two long, at most half full (so probe runs stay short); empty
    /// until the first id.
    slots: Vec<Slot>,
    len: usize,
    hasher: DefaultHashBuilder,
    /// The ids too long for their slot, back to back.
    long_ids: String,
    /// Where each node's long id lies in `long_ids` (start, length), by node index;
    /// the length is 0 for a node with a short id or an index no node has.
    spans: Vec<(usize, usize)>,
    /// Bytes of `long_ids` left by removed ids.
    removed_bytes: usize,
}

impl IdIndex {
    /// An index with room for `nodes` ids before it grows.
    pub(super) fn with_capacity(nodes: usize) -> IdIndex {
        IdIndex {
            slots: vec![EMPTY_SLOT; slots_for(nodes)],
            ..IdIndex::default()
        }
    }

    pub(super) fn get(&self, id: &str) -> Option<NodeIndex> {
        if self.slots.is_empty() {
            return None;
        }
        let hash = self.hasher.hash_one(id.as_bytes());
        let mask = self.slots.len() - 1;
        let mut at = home(hash, mask);
        loop {
            let slot = &self.slots[at];
            if slot.node == EMPTY {
                return None;
            }
            if slot.tag == tag(hash) && self.id_of(slot) == id.as_bytes() {
                return Some(NodeIndex::new(slot.node as usize));
            }
            at = (at + 1) & mask;
        }
    }

    /// Indexes the node at `node` under `id`, which no other node has.
    pub(super) fn insert(&mut self, id: &str, node: NodeIndex) {
        if (self.len + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let bytes = id.as_bytes();
        let hash = self.hasher.hash_one(bytes);
        let mut slot = Slot {
            node: node.index() as u32,
            tag: tag(hash),
            length: LONG,
            inline: [0; INLINE_BYTES],
        };
        if let Some(inline) = slot.inline.get_mut(..bytes.len()) {
            inline.copy_from_slice(bytes);
            slot.length = bytes.len() as u8;
        } else {
            let index = node.index();
            if self.spans.len() <= index {
                self.spans.resize(index + 1, (0, 0));
            }
            self.spans[index] = (self.long_ids.len(), bytes.len());
            self.long_ids.push_str(id);
        }
        self.place(hash, slot);
        self.len += 1;
    }

    /// Forgets the node at `node`, indexed under `id`.
    pub(super) fn remove(&mut self, id: &str, node: NodeIndex) {
        if self.slots.is_empty() {
            return;
        }
        let mask = self.slots.len() - 1;
        let mut at = home(self.hasher.hash_one(id.as_bytes()), mask);
        while self.slots[at].node != node.index() as u32 {
            if self.slots[at].node == EMPTY {
                return;
            }
            at = (at + 1) & mask;
        }
        self.slots[at] = EMPTY_SLOT;
        self.len -= 1;
        // Close the gap: a later slot of the same run moves into it unless its home
        // lies after the gap, or a lookup would stop at the gap before reaching it.
        let mut gap = at;
        let mut next = (at + 1) & mask;
        while self.slots[next].node != EMPTY {
            let home = home(self.hash_of(&self.slots[next]), mask);
            let distance_to_gap = gap.wrapping_sub(home) & mask;
            let distance_to_next = next.wrapping_sub(home) & mask;
            if distance_to_gap < distance_to_next {
                self.slots[gap] = self.slots[next];
                self.slots[next] = EMPTY_SLOT;
                gap = next;
            }
            next = (next + 1) & mask;
        }
        if let Some(span) = self.spans.get_mut(node.index()) {
            self.removed_bytes += span.1;
            *span = (0, 0);
        }
        if self.removed_bytes > COMPACT_AFTER_BYTES && self.removed_bytes > self.long_ids.len() / 2
        {
            self.compact();
        }
    }

    /// Puts a slot in the first empty place of its run; there is one (at most half full).
    fn place(&mut self, hash: u64, slot: Slot) {
        let mask = self.slots.len() - 1;
        let mut at = home(hash, mask);
        while self.slots[at].node != EMPTY {
            at = (at + 1) & mask;
        }
        self.slots[at] = slot;
    }

    fn grow(&mut self) {
        let old = std::mem::replace(
            &mut self.slots,
            vec![EMPTY_SLOT; slots_for((self.len + 1).max(self.len * 2))],
        );
        for slot in old.into_iter().filter(|slot| slot.node != EMPTY) {
            self.place(self.hash_of(&slot), slot);
        }
    }

    fn hash_of(&self, slot: &Slot) -> u64 {
        self.hasher.hash_one(self.id_of(slot))
    }

    fn id_of<'a>(&'a self, slot: &'a Slot) -> &'a [u8] {
        if slot.length == LONG {
            self.spans
                .get(slot.node as usize)
                .and_then(|(start, length)| self.long_ids.as_bytes().get(*start..*start + *length))
                .unwrap_or_default()
        } else {
            &slot.inline[..usize::from(slot.length)]
        }
    }

    fn compact(&mut self) {
        let mut long_ids = String::with_capacity(self.long_ids.len() - self.removed_bytes);
        for span in &mut self.spans {
            let (start, length) = *span;
            if length > 0 {
                let moved = long_ids.len();
                long_ids.push_str(self.long_ids.get(start..start + length).unwrap_or_default());
                *span = (moved, length);
            }
        }
        self.long_ids = long_ids;
        self.removed_bytes = 0;
    }
}

/// Slots for `ids` ids: a power of two, at least twice as many.
fn slots_for(ids: usize) -> usize {
    (ids.max(4) * 2).next_power_of_two()
}

/// Where a hash's run starts: its low bits.
fn home(hash: u64, mask: usize) -> usize {
    hash as usize & mask
}

/// The hash's top byte, to pass over most other ids in a run without comparing them.
fn tag(hash: u64) -> u8 {
    (hash >> 56) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Short ids (kept in the table) and long ones (kept in the buffer), mixed.
    fn id(n: usize) -> String {
        if n.is_multiple_of(2) {
            format!("s{n}")
        } else {
            format!("a-long-node-id-{n}")
        }
    }

    #[test]
    fn ids_are_found_until_removed_and_survive_compaction() {
        let mut index = IdIndex::default();
        let count = 2_000;
        for n in 0..count {
            index.insert(&id(n), NodeIndex::new(n));
        }
        let long_bytes = index.long_ids.len();
        // Remove most of them, enough to compact the buffer at least once.
        for n in (0..count).filter(|n| n % 10 > 1) {
            index.remove(&id(n), NodeIndex::new(n));
        }
        assert!(
            index.long_ids.len() < long_bytes / 2,
            "removed ids should have been compacted away: {} of {long_bytes} bytes left",
            index.long_ids.len()
        );
        for n in 0..count {
            let expected = (n % 10 <= 1).then(|| NodeIndex::new(n));
            assert_eq!(
                index.get(&id(n)),
                expected,
                "{} should be found exactly when it was not removed",
                id(n)
            );
        }
        // A freed index can take a new id, short or long.
        index.insert("newcomer", NodeIndex::new(2));
        index.insert("a-long-newcomer-in-a-freed-place", NodeIndex::new(3));
        assert_eq!(index.get("newcomer"), Some(NodeIndex::new(2)));
        assert_eq!(
            index.get("a-long-newcomer-in-a-freed-place"),
            Some(NodeIndex::new(3))
        );
        assert_eq!(index.get(&id(3)), None, "the old id of index 3 stays gone");
    }

    #[test]
    fn ids_differing_only_past_the_inline_bytes_or_in_length_are_told_apart() {
        let mut index = IdIndex::default();
        let ids = [
            "12345678901",
            "123456789012",
            "123456789013",
            "1234567890",
            "ü1234567890",
            "🎯🎯🎯🎯🎯🎯🎯🎯🎯🎯🎯🎯🎯🎯🎯🎯🎯🎯🎯🎯🎯🎯🎯🎯🎯🎯🎯🎯🎯🎯🎯🎯🎯🎯🎯🎯🎯🎯🎯🎯🎯🎯🎯🎯🎯🎯🎯🎯🎯🎯🎯🎯🎯🎯🎯🎯🎯🎯🎯🎯🎯🎯🎯🎯",
        ];
        for (n, id) in ids.iter().enumerate() {
            index.insert(id, NodeIndex::new(n));
        }
        for (n, id) in ids.iter().enumerate() {
            assert_eq!(
                index.get(id),
                Some(NodeIndex::new(n)),
                "{id} finds its own node"
            );
        }
        assert_eq!(index.get("123456789014"), None);
        assert_eq!(index.get("123456789"), None);
    }
}
