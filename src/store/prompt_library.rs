//! The prompts tree: the shipped library merged in at open (new prompts added, unedited ones
//! reworded, the user's own prompts, edits and hidden marks kept), and the user's prompt edits.
//!
//! The room's shared types and constants live in `store/mod.rs` (`use super::*`).

use super::*;

impl Store {
    /// Every prompt as stored, by id.
    pub(super) fn all_prompts(&self) -> Result<Vec<Prompt>> {
        self.prompts
            .iter()
            .map(|item| {
                let (key, bytes) = item?;
                self.open_prompt(&key, &bytes)
            })
            .collect()
    }

    /// Merges the shipped prompt library when it differs from the one merged last.
    pub(super) fn merge_prompt_library(&self) -> Result<()> {
        let fingerprint = crate::prompts::library_fingerprint().to_be_bytes();
        if self.meta.get(PROMPT_LIBRARY_KEY)?.as_deref() == Some(&fingerprint[..]) {
            return Ok(());
        }
        for shipped in crate::prompts::shipped()? {
            let next = match self.prompts.get(&shipped.id)? {
                None => shipped,
                Some(bytes) => {
                    let old = self.open_prompt(shipped.id.as_bytes(), &bytes)?;
                    if old.origin != PromptOrigin::Shipped || old.edited {
                        continue;
                    }
                    Prompt {
                        hidden: old.hidden,
                        ..shipped
                    }
                }
            };
            self.prompts
                .insert(next.id.as_bytes(), self.seal_prompt(&next)?)?;
        }
        self.meta.insert(PROMPT_LIBRARY_KEY, &fingerprint)?;
        self.sync()
    }
}

/// Counts the writes of the person's prompt edits (as `events_rev` does for the events): sync
/// reads it to tell whether the library was written since it read it.
pub(super) const PROMPTS_REV_KEY: &[u8] = b"prompts_rev";

/// Writes `prompt` (or removes `remove`) with the library's revision moved on and its sync
/// mark, in one transaction: the person's edits of the library, as sync takes them. (The
/// shipped library's merge at open is not an edit: each computer makes it.)
fn write_prompt(store: &Store, prompt: Option<&Prompt>, remove: Option<&str>) -> Result<()> {
    let sealed = prompt.map(|p| store.seal_prompt(p)).transpose()?;
    transact(
        (&store.prompts, &store.meta, &store.sync_dirty).transaction(|(prompts, meta, dirty)| {
            if let (Some(p), Some(bytes)) = (prompt, &sealed) {
                prompts.insert(p.id.as_bytes(), bytes.as_slice())?;
            }
            if let Some(id) = remove {
                prompts.remove(id.as_bytes())?;
            }
            sync_marks::revise(store, meta, dirty, sync_marks::SyncRecord::Prompts)
        }),
    )
}

/// A new id for one of the person's own prompts: `u-` and 16 random hex digits, so prompts
/// written on two computers that sync never share one.
pub(super) fn new_user_prompt_id() -> Result<String> {
    const BYTES: usize = sync_marks::RANDOM_ID_DIGITS / 2;
    Ok(format!("u-{}", crypto::hex(&crypto::random::<BYTES>()?)))
}

impl Journal {
    /// The language the journal speaks: the settings' choice, or the system's
    /// (`i18n::system`, which the shell and the CLI set at start).
    pub fn lang(&self) -> Result<crate::i18n::Lang> {
        Ok(crate::i18n::resolved(self.settings()?.language))
    }

    /// Every prompt: the shipped library (merged at open) and the user's own, by id, the
    /// shipped ones in the journal's language (`prompts::localized`).
    pub fn prompts(&self) -> Result<Vec<Prompt>> {
        let lang = self.lang()?;
        Ok(self
            .stored_prompts()?
            .into_iter()
            .map(|p| crate::prompts::localized(p, lang))
            .collect())
    }

    /// Gives each of the person's own prompts in `incoming` (an import) whose id was counted
    /// (`u-12`, from a file written before ids were random) the id of the same prompt here (same
    /// side and words) or a new random one: counted ids name different prompts on different
    /// computers, and once they sync, one would overwrite the other. Returns the ids changed,
    /// old to new, for the days and weeks that name them.
    pub(crate) fn ids_for_imported_prompts(
        &self,
        incoming: &mut [Prompt],
    ) -> Result<std::collections::BTreeMap<String, String>> {
        let held = self.stored_prompts()?;
        let mut renamed = std::collections::BTreeMap::new();
        for prompt in incoming
            .iter_mut()
            .filter(|p| p.origin == PromptOrigin::User && sync_marks::counted_prompt_id(&p.id))
        {
            let same = held.iter().find(|h| {
                h.origin == PromptOrigin::User && h.side == prompt.side && h.text == prompt.text
            });
            let id = match same {
                Some(h) => h.id.clone(),
                None => new_user_prompt_id()?,
            };
            if id != prompt.id {
                renamed.insert(std::mem::replace(&mut prompt.id, id.clone()), id);
            }
        }
        Ok(renamed)
    }

    /// Every prompt as stored (shipped ones in English): what is written back and exported.
    pub(crate) fn stored_prompts(&self) -> Result<Vec<Prompt>> {
        self.store()?.all_prompts()
    }

    /// The prompt with `id`, if there is one, in the journal's language.
    pub fn prompt(&self, id: &str) -> Result<Option<Prompt>> {
        let lang = self.lang()?;
        Ok(self
            .stored_prompt(id)?
            .map(|p| crate::prompts::localized(p, lang)))
    }

    /// The stored prompt `id` (never a translation: what is changed, written back, compared).
    pub(crate) fn stored_prompt(&self, id: &str) -> Result<Option<Prompt>> {
        let store = self.store()?;
        store
            .prompts
            .get(id.as_bytes())?
            .map(|bytes| store.open_prompt(id.as_bytes(), &bytes))
            .transpose()
    }

    /// The stored prompt `id` (never a translation: what is changed and written back).
    pub(super) fn existing_prompt(&self, id: &str) -> Result<Prompt> {
        self.stored_prompt(id)?
            .ok_or_else(|| KeelError::UnknownPrompt { id: id.to_owned() })
    }

    /// Hides or shows a prompt, durably.
    pub fn set_prompt_hidden(&self, id: &str, hidden: bool) -> Result<Prompt> {
        let prompt = Prompt {
            hidden,
            ..self.existing_prompt(id)?
        };
        let lang = self.lang()?;
        self.write(|store| {
            write_prompt(store, Some(&prompt), None)?;
            Ok(crate::prompts::localized(prompt, lang))
        })
    }

    /// Adds a prompt of the user's own, durably; its id is `u-` and 16 random hex digits.
    pub fn add_prompt(&self, fields: PromptFields) -> Result<Prompt> {
        let fields = fields.validated()?;
        let id = new_user_prompt_id()?;
        self.write(|store| {
            let prompt = Prompt::own(id.clone(), fields.clone());
            write_prompt(store, Some(&prompt), None)?;
            Ok(prompt)
        })
    }

    /// Changes a prompt's fields, durably. A shipped prompt is marked edited, so later library
    /// upgrades leave it as the user wrote it.
    pub fn edit_prompt(&self, id: &str, fields: PromptFields) -> Result<Prompt> {
        let fields = fields.validated()?;
        let old = self.existing_prompt(id)?;
        let prompt = Prompt {
            side: fields.side,
            cadence: fields.cadence,
            theme: fields.theme,
            text: fields.text,
            edited: old.origin == PromptOrigin::Shipped,
            ..old
        };
        self.write(|store| {
            write_prompt(store, Some(&prompt), None)?;
            Ok(prompt)
        })
    }

    /// Deletes one of the user's own prompts, durably. Shipped prompts can be hidden, not
    /// deleted (a later upgrade would bring them back).
    pub fn delete_prompt(&self, id: &str) -> Result<()> {
        let old = self.existing_prompt(id)?;
        if old.origin == PromptOrigin::Shipped {
            return Err(KeelError::InvalidPrompt {
                reason: crate::error::Reason::new("reason-prompt-shipped", vec![]),
            });
        }
        self.write(|store| write_prompt(store, None, Some(id)))
    }
}
