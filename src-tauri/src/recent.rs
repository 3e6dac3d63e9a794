//! The recently opened plans, newest first, kept as JSON in the app's config folder so
//! the next start reopens the last plan.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use throughline_core::files::write_atomically;

/// The file in the config folder that holds the list.
pub const FILE_NAME: &str = "recent.json";

/// How many plans the list remembers.
pub const LIMIT: usize = 10;

/// The recent plans as stored: `{"plans": ["/abs/path.throughline", ...]}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecentPlans {
    plans: Vec<PathBuf>,
}

impl RecentPlans {
    /// Reads the list from `config_dir`. A missing file is an empty list; so is a damaged
    /// one, because losing the list is better than refusing to start (it is rewritten on
    /// the next open).
    pub fn load(config_dir: &Path) -> RecentPlans {
        let path = config_dir.join(FILE_NAME);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                return RecentPlans::default();
            }
            Err(error) => {
                eprintln!(
                    "throughline: cannot read {}: {error}; starting with no recent plans",
                    path.display()
                );
                return RecentPlans::default();
            }
        };
        match serde_json::from_str::<RecentPlans>(&text) {
            Ok(mut recent) => {
                recent.plans.truncate(LIMIT);
                recent
            }
            Err(error) => {
                eprintln!(
                    "throughline: {} is damaged ({error}); starting with no recent plans",
                    path.display()
                );
                RecentPlans::default()
            }
        }
    }

    /// Writes the list to `config_dir`, creating the folder if needed. The write is
    /// atomic, so a crash leaves the old list or the new one.
    pub fn save(&self, config_dir: &Path) -> throughline_core::Result<()> {
        std::fs::create_dir_all(config_dir).map_err(|source| throughline_core::Error::Io {
            path: config_dir.to_owned(),
            source,
        })?;
        let mut json = serde_json::to_string_pretty(self).unwrap_or_default();
        json.push('\n');
        write_atomically(&config_dir.join(FILE_NAME), json.as_bytes())
    }

    /// Puts `path` first, removing an older entry for it and the oldest beyond [`LIMIT`].
    pub fn remember(&mut self, path: &Path) {
        self.plans.retain(|known| known != path);
        self.plans.insert(0, path.to_owned());
        self.plans.truncate(LIMIT);
    }

    /// The plan opened most recently.
    pub fn last(&self) -> Option<&Path> {
        self.plans.first().map(PathBuf::as_path)
    }

    /// Entry `index`, newest first.
    pub fn get(&self, index: usize) -> Option<&Path> {
        self.plans.get(index).map(PathBuf::as_path)
    }

    pub fn len(&self) -> usize {
        self.plans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.plans.is_empty()
    }

    /// The paths as the UI shows them, newest first.
    pub fn display(&self) -> Vec<String> {
        self.plans
            .iter()
            .map(|path| path.display().to_string())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembering_moves_a_plan_to_the_front_without_duplicates_and_caps_the_list() {
        let mut recent = RecentPlans::default();
        for index in 0..LIMIT + 3 {
            recent.remember(Path::new(&format!("/plans/{index}.throughline")));
        }
        recent.remember(Path::new("/plans/5.throughline"));
        let shown = recent.display();
        assert_eq!(
            shown.len(),
            LIMIT,
            "the list should hold at most {LIMIT} plans"
        );
        assert_eq!(
            shown[0], "/plans/5.throughline",
            "the plan remembered last should come first"
        );
        assert_eq!(
            shown
                .iter()
                .filter(|path| *path == "/plans/5.throughline")
                .count(),
            1,
            "a plan opened twice should be listed once"
        );
        assert!(
            !shown.contains(&"/plans/0.throughline".to_owned()),
            "the oldest plans should fall off the end"
        );
    }

    #[test]
    fn the_list_survives_a_save_and_load() {
        let folder = tempfile::tempdir().expect("a temporary folder");
        let config_dir = folder.path().join("nested/config");
        let mut recent = RecentPlans::default();
        recent.remember(Path::new("/plans/a.throughline"));
        recent.remember(Path::new("/plans/b.throughline"));
        recent
            .save(&config_dir)
            .expect("the list saves, creating its folder");
        assert_eq!(
            RecentPlans::load(&config_dir),
            recent,
            "the loaded list should equal the saved one"
        );
    }

    #[test]
    fn a_missing_or_damaged_list_loads_as_empty() {
        let folder = tempfile::tempdir().expect("a temporary folder");
        assert_eq!(RecentPlans::load(folder.path()), RecentPlans::default());
        std::fs::write(folder.path().join(FILE_NAME), "{not json").expect("write");
        assert_eq!(
            RecentPlans::load(folder.path()).last(),
            None,
            "a damaged list should load as empty rather than stop the app"
        );
    }
}
