//! Time to create, open and read a `.throughline` store of a generated plan.
//!
//! `cargo run --release -p throughline-core --example store_timing -- [NODES]`
//! (default 100000 nodes). A measurement to read, not a test.

use std::time::Instant;

use throughline_core::generate::generate;
use throughline_core::store::{Store, load_plan};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let nodes: usize = match std::env::args().nth(1) {
        Some(text) => text.parse()?,
        None => 100_000,
    };
    let folder = tempfile::tempdir()?;
    let path = folder.path().join("plan.throughline");
    let graph = generate(nodes, 7);

    let started = Instant::now();
    let store = Store::create(&path, &graph)?;
    let created = started.elapsed();
    drop(store);

    let started = Instant::now();
    let store = Store::open(&path)?;
    let opened = started.elapsed();

    let started = Instant::now();
    let loaded = load_plan(&path)?;
    let read = started.elapsed();

    if store.plan() != graph.to_plan() || loaded.node_count() != nodes {
        return Err("the generated plan did not round-trip through the store".into());
    }
    println!(
        "{nodes} nodes, {} links, {} bytes: create {created:.2?}, open {opened:.2?}, load_plan {read:.2?}",
        graph.link_count(),
        std::fs::metadata(&path)?.len()
    );
    Ok(())
}
