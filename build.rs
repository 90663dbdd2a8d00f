use std::path::Path;

fn main() {
    // Embedded migrations are read at compile time; rebuild when one is added or changed.
    println!("cargo:rerun-if-changed=migrations");
    // The languages are the files of `locales/`: adding `locales/<tag>.ftl` adds one.
    println!("cargo:rerun-if-changed=locales");
    write_languages();
}

/// Writes the tags of the languages in `locales/` for `src/domain/language.rs`, English
/// first (the default, and the one every other file is checked against).
fn write_languages() {
    let mut tags: Vec<String> = std::fs::read_dir("locales")
        .expect("locales/ holds a file per language")
        .map(|entry| entry.expect("locales/ is readable").path())
        .filter(|path| path.extension().is_some_and(|e| e == "ftl"))
        .map(|path| {
            let stem = path.file_stem().and_then(|s| s.to_str());
            stem.expect("a language file is named by its tag")
                .to_owned()
        })
        .collect();
    tags.sort();
    let english = tags
        .iter()
        .position(|t| t == "en")
        .expect("locales/en.ftl exists");
    let en = tags.remove(english);
    tags.insert(0, en);
    for tag in &tags {
        assert!(
            !tag.is_empty() && tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'),
            "locales/{tag}.ftl: a file is named by a BCP 47 tag, like es or pt-BR"
        );
    }
    let list = tags
        .iter()
        .map(|t| format!("{t:?}"))
        .collect::<Vec<_>>()
        .join(", ");
    let out =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("languages.rs");
    std::fs::write(
        out,
        format!("/// The tags of the files of `locales/`, English first.\nconst TAGS: [&str; {}] = [{list}];\n", tags.len()),
    )
    .expect("OUT_DIR is writable");
}
