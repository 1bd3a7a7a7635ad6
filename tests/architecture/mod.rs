//! The architecture's rules, checked on the source itself (read with `syn`, so comments and
//! strings never count and test code is left out):
//! - the core's top-level modules (`src/<module>.rs` and `src/<module>/…`) form no cycle;
//! - nothing outside `src/store/` names sled: not the core's error type, not the shell, not
//!   the command line (the engine could change without touching them).
//!
//! Test code (`#[cfg(test)]` items and `tests.rs` files) may reach anywhere and is not counted.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use syn::visit::Visit;

/// The repository's root.
fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.rs` file under `dir`, test files left out, in a stable order.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap_or_else(|e| panic!("{}: {e}", d.display())) {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if path.is_dir() {
                if name != "tests" {
                    stack.push(path);
                }
            } else if name.ends_with(".rs") && name != "tests.rs" {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

fn is_test_only(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        a.path().is_ident("cfg")
            && a.parse_args::<syn::Meta>()
                .is_ok_and(|m| m.path().is_ident("test"))
    })
}

/// What one file names: the top-level modules of this crate it reaches (`crate::x`, or `super`
/// chains that climb out of its own module) and the external crates at the root of its paths.
#[derive(Default)]
struct Names {
    /// How many `super` steps lead from this file's module to the crate's root.
    depth: usize,
    modules: BTreeSet<String>,
    roots: BTreeSet<String>,
}

impl Names {
    fn path(&mut self, segments: &[String]) {
        let Some(first) = segments.first() else {
            return;
        };
        let supers = segments.iter().take_while(|s| *s == "super").count();
        if first == "crate" {
            if let Some(module) = segments.get(1) {
                self.modules.insert(module.clone());
            }
        } else if supers > 0 && supers >= self.depth {
            if let Some(module) = segments.get(supers) {
                self.modules.insert(module.clone());
            }
        } else if supers == 0 {
            self.roots.insert(first.clone());
        }
    }

    fn use_tree(&mut self, prefix: &mut Vec<String>, tree: &syn::UseTree) {
        match tree {
            syn::UseTree::Path(p) => {
                prefix.push(p.ident.to_string());
                self.use_tree(prefix, &p.tree);
                prefix.pop();
            }
            syn::UseTree::Name(n) => {
                prefix.push(n.ident.to_string());
                self.path(prefix);
                prefix.pop();
            }
            syn::UseTree::Rename(r) => {
                prefix.push(r.ident.to_string());
                self.path(prefix);
                prefix.pop();
            }
            syn::UseTree::Glob(_) => {
                prefix.push("*".into());
                self.path(prefix);
                prefix.pop();
            }
            syn::UseTree::Group(g) => {
                for t in &g.items {
                    self.use_tree(prefix, t);
                }
            }
        }
    }
}

impl<'ast> Visit<'ast> for Names {
    fn visit_item(&mut self, item: &'ast syn::Item) {
        let attrs = match item {
            syn::Item::Mod(m) => &m.attrs,
            syn::Item::Fn(f) => &f.attrs,
            syn::Item::Impl(i) => &i.attrs,
            syn::Item::Use(u) => &u.attrs,
            syn::Item::Const(c) => &c.attrs,
            syn::Item::Struct(s) => &s.attrs,
            syn::Item::Enum(e) => &e.attrs,
            _ => return syn::visit::visit_item(self, item),
        };
        if !is_test_only(attrs) {
            syn::visit::visit_item(self, item);
        }
    }

    fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
        if !is_test_only(&f.attrs) {
            syn::visit::visit_impl_item_fn(self, f);
        }
    }

    fn visit_item_use(&mut self, u: &'ast syn::ItemUse) {
        self.use_tree(&mut Vec::new(), &u.tree);
    }

    fn visit_path(&mut self, p: &'ast syn::Path) {
        let segments: Vec<String> = p.segments.iter().map(|s| s.ident.to_string()).collect();
        self.path(&segments);
        syn::visit::visit_path(self, p);
    }

    fn visit_macro(&mut self, m: &'ast syn::Macro) {
        // Paths inside a macro's tokens (`format!("{}", crate::x::Y)`) count too.
        fn flatten(stream: proc_macro2::TokenStream, out: &mut Vec<String>) {
            for tree in stream {
                match tree {
                    proc_macro2::TokenTree::Group(g) => flatten(g.stream(), out),
                    other => out.push(other.to_string()),
                }
            }
        }
        let mut tokens = Vec::new();
        flatten(m.tokens.clone(), &mut tokens);
        for (i, t) in tokens.iter().enumerate() {
            if t == "crate" && tokens.get(i + 1).map(String::as_str) == Some(":") {
                if let Some(module) = tokens.get(i + 3) {
                    self.modules.insert(module.clone());
                }
            }
            if t == "sled" && tokens.get(i + 1).map(String::as_str) == Some(":") {
                self.roots.insert("sled".into());
            }
        }
        syn::visit::visit_macro(self, m);
    }
}

/// What `source` names, for a file `depth` modules below the crate's root.
fn names_in(source: &str, depth: usize) -> Names {
    let file = syn::parse_file(source).expect("the source parses");
    let mut names = Names {
        depth,
        ..Names::default()
    };
    names.visit_file(&file);
    names
}

/// The top-level module a file of `src/` belongs to, and how deep it sits (`src/a.rs`: 1,
/// `src/a/b.rs`: 2). `lib.rs` is the crate's root and belongs to none.
fn module_of(src: &Path, file: &Path) -> Option<(String, usize)> {
    let rel = file.strip_prefix(src).ok()?;
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let top = parts.first()?.trim_end_matches(".rs").to_owned();
    if top == "lib" || top == "main" || top == "bin" {
        return None;
    }
    let last = parts.last()?;
    let depth = if last == "mod.rs" {
        parts.len() - 1
    } else {
        parts.len()
    };
    Some((top, depth))
}

/// The graph of the core's top-level modules: module → the modules it names.
fn core_graph(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in rust_files(src) {
        let Some((module, depth)) = module_of(src, &file) else {
            continue;
        };
        let source = std::fs::read_to_string(&file).unwrap();
        let names = names_in(&source, depth);
        let edges = graph.entry(module.clone()).or_default();
        edges.extend(names.modules.into_iter().filter(|m| *m != module));
    }
    graph
}

/// One cycle of the graph, as the list of modules around it, if there is any.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        marks: &mut BTreeMap<String, Mark>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        marks.insert(node.to_owned(), Mark::Open);
        path.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            if !graph.contains_key(next) {
                continue; // a name that is not one of the core's modules
            }
            match marks.get(next.as_str()).copied().unwrap_or(Mark::New) {
                Mark::Open => {
                    let start = path.iter().position(|p| p == next).unwrap_or(0);
                    let mut cycle = path[start..].to_vec();
                    cycle.push(next.clone());
                    return Some(cycle);
                }
                Mark::New => {
                    if let Some(c) = visit(next, graph, marks, path) {
                        return Some(c);
                    }
                }
                Mark::Done => {}
            }
        }
        path.pop();
        marks.insert(node.to_owned(), Mark::Done);
        None
    }
    let mut marks = BTreeMap::new();
    for node in graph.keys() {
        if marks.get(node).copied().unwrap_or(Mark::New) == Mark::New {
            if let Some(c) = visit(node, graph, &mut marks, &mut Vec::new()) {
                return Some(c);
            }
        }
    }
    None
}

#[test]
fn the_core_modules_form_no_cycle() {
    let graph = core_graph(&root().join("src"));
    assert!(
        graph.len() >= 10,
        "the check found only {graph:?}: is it reading src/?"
    );
    if let Some(cycle) = find_cycle(&graph) {
        panic!(
            "the core's modules form a cycle: {}\nthe graph: {graph:#?}",
            cycle.join(" -> ")
        );
    }
}

#[test]
fn nothing_outside_the_store_names_sled() {
    let root = root();
    let mut offenders = Vec::new();
    let mut read = 0;
    for dir in ["src", "src-tauri/src", "cli/src"] {
        let dir = root.join(dir);
        if !dir.exists() {
            continue;
        }
        for file in rust_files(&dir) {
            if file.starts_with(root.join("src/store")) {
                continue;
            }
            read += 1;
            let names = names_in(&std::fs::read_to_string(&file).unwrap(), 0);
            if names.roots.contains("sled") {
                offenders.push(file.strip_prefix(&root).unwrap().display().to_string());
            }
        }
    }
    assert!(read >= 20, "the check read only {read} files");
    assert!(
        offenders.is_empty(),
        "sled is named outside src/store/ in {offenders:?}: go through the store's API and its error"
    );
}

/// The checks themselves can fail: a cycle, a `super` climb, a path in a macro and a use of
/// sled are all seen, and test code is not.
#[test]
fn the_architecture_checks_see_what_they_look_for() {
    let a = names_in(
        "use crate::{model::X, store::{self, Journal}};\n\
         fn f() { let _ = super::super::search::run(); format!(\"{}\", crate::text::fold(\"\")); }\n\
         #[cfg(test)] mod tests { use crate::backup; }\n\
         fn g() -> sled::Result<()> { Ok(()) }",
        2,
    );
    let expected: BTreeSet<String> = ["model", "store", "search", "text"]
        .into_iter()
        .map(String::from)
        .collect();
    assert_eq!(a.modules, expected);
    assert!(a.roots.contains("sled"));

    let graph: BTreeMap<String, BTreeSet<String>> = [
        ("a", vec!["b"]),
        ("b", vec!["c", "error"]),
        ("c", vec!["a"]),
        ("error", vec![]),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.into_iter().map(String::from).collect()))
    .collect();
    assert_eq!(
        find_cycle(&graph),
        Some(vec!["a".into(), "b".into(), "c".into(), "a".into()])
    );
    let mut acyclic = graph.clone();
    acyclic.get_mut("c").unwrap().clear();
    assert_eq!(find_cycle(&acyclic), None);
}
