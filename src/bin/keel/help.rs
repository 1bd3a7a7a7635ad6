//! `keel --help` (and the man pages) in the person's language.
//!
//! The English words are the doc comments on the commands and their arguments, as clap's derive
//! reads them; `assets/locales/en/help.ftl` is generated from them (a test fails when it is
//! stale: `UPDATE_HELP=1 cargo test -p keel --bin keel help`), and `de/help.ftl` and
//! `es/help.ftl` hold the same messages in German and Spanish (the catalogue checks hold them to
//! English's ids). Message ids follow the command's path: `help-keel-event-add` for a command's
//! about text, `help-keel-event-add--date` for its argument `date`, with `.long` for a long text.
//! The words clap writes itself (headings, `--help`, `--version`, the `help` command) come from
//! cli.ftl, and so do the usage errors clap finds (`usage_error`, from the error's kind and
//! context: clap has no catalogue of its own).

use clap::{Arg, ArgAction, Command, CommandFactory};
use keel::i18n::Tr;

/// The command line's definition with its help in `tr`'s language.
pub fn command(tr: &Tr) -> Command {
    let root = crate::Cli::command()
        .disable_help_flag(true)
        .disable_version_flag(true)
        .disable_help_subcommand(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(tr.get("help-version", &[])),
        )
        .subcommand(
            Command::new("help")
                .about(tr.get("help-command", &[]))
                .disable_help_flag(true)
                .arg(
                    Arg::new("command")
                        .action(ArgAction::Append)
                        .num_args(..)
                        .value_name(tr.get("help-command-value", &[]))
                        .help(tr.get("help-command-arg", &[])),
                ),
        );
    localize(root, "keel", tr)
}

/// The help `keel help [COMMAND…]` asks for: the named command's, or the whole tool's.
pub fn help_of(mut command: Command, path: &[String]) -> String {
    // Built first, so that the global --journal reaches the subcommands.
    command.build();
    let mut at = &mut command;
    for name in path {
        if at.find_subcommand(name).is_none() {
            break;
        }
        at = at.find_subcommand_mut(name).expect("found just now");
    }
    at.render_long_help().to_string()
}

/// A usage error clap found, in `tr`'s language: the argument, command or value it is about,
/// and for a value Keel's own reason (a date, a rating, a boundary…) when Keel refused it.
/// `None` for what clap prints itself (the help asked for, or shown for a missing command) and
/// for the rare kinds without words here, which stay clap's.
pub fn usage_error(e: &clap::Error, tr: &Tr) -> Option<String> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let text = |kind| match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => Some(
            v.iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .join(", "),
        ),
        _ => None,
    };
    let arg = || text(ContextKind::InvalidArg);
    let (id, args): (&str, Vec<(&str, keel::i18n::Arg)>) = match e.kind() {
        ErrorKind::UnknownArgument => ("usage-unknown-argument", vec![("arg", arg()?.into())]),
        ErrorKind::InvalidSubcommand => (
            "usage-unknown-command",
            vec![("command", text(ContextKind::InvalidSubcommand)?.into())],
        ),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let value = text(ContextKind::InvalidValue).unwrap_or_default();
            let why = std::error::Error::source(e)
                .and_then(|s| s.downcast_ref::<keel::KeelError>())
                .map(|k| k.message_in(tr).trim_end_matches('.').to_owned());
            match why {
                Some(why) => (
                    "usage-invalid-value-why",
                    vec![
                        ("value", value.into()),
                        ("arg", arg()?.into()),
                        ("why", why.into()),
                    ],
                ),
                None => (
                    "usage-invalid-value",
                    vec![("value", value.into()), ("arg", arg()?.into())],
                ),
            }
        }
        ErrorKind::MissingRequiredArgument => ("usage-missing", vec![("args", arg()?.into())]),
        ErrorKind::ArgumentConflict => (
            "usage-conflict",
            vec![
                ("arg", arg()?.into()),
                ("other", text(ContextKind::PriorArg)?.into()),
            ],
        ),
        _ => return None,
    };
    Some(tr.get(id, &args))
}

fn localize(command: Command, path: &str, tr: &Tr) -> Command {
    let name = format!("help-{path}");
    let mut command = command
        .disable_help_flag(true)
        .help_template(template(tr))
        .subcommand_help_heading(tr.get("help-heading-commands", &[]))
        .subcommand_value_name(tr.get("help-heading-command-value", &[]));
    if let Some(about) = tr.message(&name, None) {
        command = command.about(about);
    }
    if let Some(long) = tr.message(&name, Some("long")) {
        command = command.long_about(long);
    }
    let options = tr.get("help-heading-options", &[]);
    let arguments = tr.get("help-heading-arguments", &[]);
    command = command.mut_args(|arg| {
        let id = format!("{name}--{}", arg_id(&arg));
        let heading = if arg.is_positional() {
            arguments.clone()
        } else {
            options.clone()
        };
        let mut arg = arg.help_heading(heading);
        if let Some(help) = tr.message(&id, None) {
            arg = arg.help(help);
        }
        if let Some(long) = tr.message(&id, Some("long")) {
            arg = arg.long_help(long);
        }
        arg
    });
    // --help on every command, named in the language (clap's own one is English).
    command = command.arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .help(tr.get("help-flag", &[]))
            .help_heading(options),
    );
    let subs: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for sub in subs {
        if sub == "help" {
            continue;
        }
        let sub_path = format!("{path}-{sub}");
        command = command.mut_subcommand(&sub, |c| localize(c, &sub_path, tr));
    }
    command
}

/// clap's default layout, with the usage heading in the language.
fn template(tr: &Tr) -> String {
    format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        tr.get("help-heading-usage", &[])
    )
}

/// An argument's part of a message id: `skip_bad` → `skip-bad`.
fn arg_id(arg: &Arg) -> String {
    arg.get_id().as_str().replace('_', "-")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every help text of the command line's definition as its message id, its short text and
    /// its long one: each command's about (and long about) and each argument's help (and long
    /// help), in the order clap lists them.
    fn doc_texts() -> Vec<(String, Option<String>, Option<String>)> {
        fn walk(
            command: &Command,
            path: &str,
            out: &mut Vec<(String, Option<String>, Option<String>)>,
        ) {
            let id = format!("help-{path}");
            out.push((
                id.clone(),
                command.get_about().map(|s| s.to_string()),
                command.get_long_about().map(|s| s.to_string()),
            ));
            for arg in command.get_arguments() {
                out.push((
                    format!("{id}--{}", arg_id(arg)),
                    arg.get_help().map(|s| s.to_string()),
                    arg.get_long_help().map(|s| s.to_string()),
                ));
            }
            for sub in command.get_subcommands() {
                walk(sub, &format!("{path}-{}", sub.get_name()), out);
            }
        }
        let mut out = Vec::new();
        walk(&crate::Cli::command(), "keel", &mut out);
        out
    }

    /// The help catalogue's English: the doc comments' texts under their ids.
    fn english_catalogue() -> String {
        fn escape(text: &str) -> String {
            text.replace('{', "{\"{\"}").replace('}', "{\"}\"}")
        }
        fn entry(out: &mut String, id: &str, short: Option<String>, long: Option<String>) {
            let long = long.filter(|l| Some(l) != short.as_ref());
            if short.is_none() && long.is_none() {
                return;
            }
            out.push_str(id);
            out.push_str(" =");
            match &short {
                Some(s) => {
                    out.push(' ');
                    out.push_str(&escape(s));
                }
                None => out.push_str(" {\"\"}"),
            }
            out.push('\n');
            if let Some(l) = long {
                out.push_str("    .long =");
                for line in l.lines() {
                    if line.is_empty() {
                        // A paragraph break: an empty line in the middle of a Fluent text is
                        // kept.
                        out.push('\n');
                    } else {
                        out.push_str("\n        ");
                        out.push_str(&escape(line));
                    }
                }
                out.push('\n');
            }
        }
        let mut out = String::from(
            "# Generated from the doc comments of src/bin/keel/ (UPDATE_HELP=1 cargo test -p keel \
             --bin keel help): edit those, not this file.\n\n",
        );
        for (id, short, long) in doc_texts() {
            entry(&mut out, &id, short, long);
        }
        out
    }

    #[test]
    fn the_english_help_catalogue_is_the_doc_comments() {
        let file =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/locales/en/help.ftl");
        let want = english_catalogue();
        if std::env::var_os("UPDATE_HELP").is_some() {
            std::fs::write(&file, &want).unwrap();
        }
        let have = std::fs::read_to_string(&file).unwrap_or_default();
        assert!(
            have == want,
            "{} is stale: run `UPDATE_HELP=1 cargo test -p keel --bin keel help`",
            file.display()
        );
    }

    /// English help through the catalogue reads as clap's derive wrote it.
    #[test]
    fn english_help_is_the_doc_comments_and_german_is_german() {
        use keel::i18n::{tr, Lang};
        let en = help_of(command(tr(Lang::En)), &["import".into()]);
        assert!(en.contains("Bring entries in from Keel JSON"), "{en}");
        assert!(en.contains("Usage: keel import"), "{en}");
        assert!(en.contains("Print help"), "{en}");
        let de = help_of(command(tr(Lang::De)), &["import".into()]);
        assert!(de.contains("Aufruf: keel import"), "{de}");
        assert!(de.contains("Optionen:"), "{de}");
        assert!(
            !de.contains("Options:") && !de.contains("Print help"),
            "{de}"
        );
        let top = help_of(command(tr(Lang::Es)), &[]);
        assert!(top.contains("Órdenes:"), "{top}");
    }

    /// Every command and argument has its words in the catalogue (checked through German:
    /// English's are generated, and the catalogue checks hold German to English's ids).
    #[test]
    fn every_command_and_argument_has_german_and_spanish_words() {
        use keel::i18n::{tr, Lang};
        let mut missing = Vec::new();
        for (id, short, _) in doc_texts() {
            for lang in [Lang::De, Lang::Es] {
                if short.is_some() && tr(lang).message(&id, None).is_none() {
                    missing.push(format!("{lang:?} {id}"));
                }
            }
        }
        assert!(missing.is_empty(), "{missing:?}");
    }
}
