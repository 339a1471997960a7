//! File writes that never leave half a file behind: write a temporary file beside the target, then rename.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `contents` to `path` atomically (same-directory temporary file + rename), creating parent folders.
pub fn write_atomic(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let parent = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent)?;
    let temporary = temporary_path(path);
    let result = (|| {
        let mut file = std::fs::File::create(&temporary)?;
        file.write_all(contents)?;
        file.sync_all()?;
        std::fs::rename(&temporary, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    result
}

fn temporary_path(path: &Path) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

/// Every file below `root`, as `/`-separated relative paths, sorted; build and cache folders are skipped.
pub fn list_files(root: &Path) -> std::io::Result<Vec<String>> {
    let mut found = Vec::new();
    if root.is_dir() {
        walk(root, root, &mut found)?;
    }
    found.sort();
    Ok(found)
}

const SKIPPED: [&str; 6] = ["__pycache__", "target", "build", ".mypy_cache", ".ruff_cache", ".pytest_cache"];

fn walk(root: &Path, dir: &Path, found: &mut Vec<String>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if SKIPPED.contains(&name.as_str()) || name.ends_with(".egg-info") || name.ends_with(".tmp") {
            continue;
        }
        if path.is_dir() {
            walk(root, &path, found)?;
        } else if let Ok(relative) = path.strip_prefix(root) {
            found.push(relative.to_string_lossy().replace('\\', "/"));
        }
    }
    Ok(())
}
