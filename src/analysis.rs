//! One document's analysis, computed in one place: [`analyze`] is the only function that
//! composes the pipeline (extract → outline → resolve → check). Every command, the index,
//! the graph and the web ask their questions of [`Analysis`] values, so one question has
//! one answer (issue #13). `tests/one_pipeline.rs` fails when another module composes the
//! stages itself.
//!
//! The stages work on the decoded text (`source.text`); an [`Analysis`] keeps the source
//! file it read (format, encoding, the offset map back to the ORIGINAL bytes) and gives its
//! citations, header and diagnostics in original byte offsets ([`Analysis::original_citations`],
//! [`Analysis::original_header`], [`Analysis::original_diagnostics`]): the one place where
//! spans are taken back to the file. Work is done only when asked ([`Wants`]): `extract`
//! without `--findings` runs no check, `check` builds no outline, the index resolves nothing.
//!
//! No I/O: the source is read by the caller (`source`).

use crate::check::{self, Knowledge, NoKnowledge};
use crate::diag::Diagnostic;
use crate::extract::Extraction;
use crate::knowledge::RegistryKnowledge;
use crate::model::{Citation, Date, Header, Span};
use crate::outline::Outline;
use crate::registry::Registry;
use crate::resolve::{self, Resolution, Summary};
use crate::source::SourceFile;

/// What to compute beyond the extraction.
#[derive(Debug, Clone, Copy, Default)]
pub struct Wants {
    /// The plan's outline (each citation's `section`).
    pub outline: bool,
    /// With `outline`: fill each citation's `section` only, reading the headings of the
    /// sections cited and nothing else of the outline, which is not kept
    /// ([`Analysis::outline`] is `None`): what `cancu extract` prints.
    pub sections_only: bool,
    /// Resolve every citation against the registry (each citation's `instrument`).
    pub resolve: bool,
    /// Run the checker with these options; `None`: no check work at all.
    pub diagnostics: Option<check::Options>,
}

impl Wants {
    /// Extraction, outline and resolution: what `cancu extract`, the graph and the library's
    /// [`crate::analyze`] give.
    pub fn citations() -> Wants {
        Wants {
            outline: true,
            sections_only: false,
            resolve: true,
            diagnostics: None,
        }
    }

    /// [`Wants::citations`] without keeping the outline: each citation's section, its
    /// resolution (what `cancu extract` prints).
    pub fn citations_only() -> Wants {
        Wants {
            sections_only: true,
            ..Wants::citations()
        }
    }

    /// Everything: extraction, outline, resolution and diagnostics.
    pub fn all(opts: check::Options) -> Wants {
        Wants {
            diagnostics: Some(opts),
            ..Wants::citations()
        }
    }

    /// What the checker needs: resolution and diagnostics, no outline.
    pub fn check(opts: check::Options) -> Wants {
        Wants {
            outline: false,
            sections_only: false,
            resolve: true,
            diagnostics: Some(opts),
        }
    }

    /// What the search index needs: extraction and outline.
    pub fn index() -> Wants {
        Wants {
            outline: true,
            sections_only: false,
            resolve: false,
            diagnostics: None,
        }
    }
}

/// One document analysed.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// The file read: decoded text, format, encoding, offset map to the original bytes.
    pub source: SourceFile,
    /// The header and citations, spans into `source.text`; each citation's `section` and
    /// `instrument` filled when the outline and the resolution were asked for.
    pub extraction: Extraction,
    /// The plan's outline, when asked for.
    pub outline: Option<Outline>,
    /// What each citation resolved to (same order as the citations); all `Unknown` when
    /// resolution was not asked for or there is no registry.
    pub resolutions: Vec<Resolution>,
    /// Counts of the resolution.
    pub summary: Summary,
    /// The document's own date ([`resolve::document_date`]).
    pub date: Option<Date>,
    /// The checker's diagnostics (spans into `source.text`), when asked for.
    pub diagnostics: Option<Vec<Diagnostic>>,
}

/// The registry of a run with the checker's view of it ([`RegistryKnowledge`]), made once
/// for all the run's documents: the view's caches (the subject words of every instrument)
/// are then built once, not again for each document. Borrowing the registry, it cannot go
/// stale.
pub struct RunRegistry<'r> {
    reg: &'r Registry,
    know: RegistryKnowledge<&'r Registry>,
}

impl<'r> RunRegistry<'r> {
    pub fn new(reg: &'r Registry) -> RunRegistry<'r> {
        RunRegistry {
            reg,
            know: RegistryKnowledge::new(reg),
        }
    }

    pub fn registry(&self) -> &'r Registry {
        self.reg
    }
}

/// Analyse one document: extract; outline and resolve when `wants` says so (against `reg`;
/// without a registry nothing resolves); check when asked (the registry rules through
/// `reg`, skipped without one), with the resolution already made. The only place the
/// pipeline is composed. No I/O, no panic.
pub fn analyze(source: SourceFile, reg: Option<&Registry>, wants: &Wants) -> Analysis {
    analyze_in(source, reg.map(RunRegistry::new).as_ref(), wants)
}

/// [`analyze`] with the registry of a run ([`RunRegistry`]): what a command checking many
/// documents calls, so that what the checker's view of the registry builds is built once.
pub fn analyze_in(source: SourceFile, run: Option<&RunRegistry>, wants: &Wants) -> Analysis {
    let reg = run.map(RunRegistry::registry);
    let text = source.text.as_str();
    let mut extraction = crate::extract::extract(text);
    let outline = if wants.outline && wants.sections_only {
        crate::outline::assign_sections(text, &mut extraction.citations);
        None
    } else {
        wants.outline.then(|| crate::outline::outline(text))
    };
    if let Some(o) = &outline {
        o.assign(&mut extraction.citations);
    }
    let date = resolve::document_date(&extraction);
    let (resolutions, summary) = match reg.filter(|_| wants.resolve) {
        Some(reg) => {
            let rs = resolve::resolve_document(text, &extraction, reg);
            let summary = resolve::fill(&mut extraction, &rs, reg);
            (rs, summary)
        }
        None => {
            let n = extraction.citations.len();
            let summary = Summary {
                unknown: n,
                ..Summary::default()
            };
            (vec![Resolution::Unknown; n], summary)
        }
    };
    let diagnostics = wants.diagnostics.map(|opts| {
        let resolved: Vec<check::Resolution> = resolutions
            .iter()
            .cloned()
            .map(crate::knowledge::checked)
            .collect();
        match run {
            Some(run) => {
                let know = &run.know;
                let resolved = if wants.resolve {
                    resolved
                } else {
                    know.resolve_document(text, &extraction)
                };
                check::check_resolved(text, &extraction, know, resolved, &opts)
            }
            None => check::check_resolved(text, &extraction, &NoKnowledge, resolved, &opts),
        }
    });
    Analysis {
        source,
        extraction,
        outline,
        resolutions,
        summary,
        date,
        diagnostics,
    }
}

/// Analyse a text already in memory (offsets of the text are those of the file).
pub fn analyze_text(path: &str, text: &str, reg: Option<&Registry>, wants: &Wants) -> Analysis {
    analyze(SourceFile::plain(path, text.to_string()), reg, wants)
}

/// The outline alone, without extraction (what the index's no-extraction baseline cuts a
/// text's sections by).
pub fn outline_of(text: &str) -> Outline {
    crate::outline::outline(text)
}

impl Analysis {
    /// The decoded text the stages read.
    pub fn text(&self) -> &str {
        &self.source.text
    }

    /// The path the document was read from.
    pub fn path(&self) -> &str {
        &self.source.path
    }

    /// The byte offset in the ORIGINAL file of text offset `t` (text formats; DOCX and PDF
    /// offsets are text offsets, located through `source.locate`).
    pub fn original(&self, t: usize) -> usize {
        match self.source.map.as_ref() {
            Some(m) if !m.is_identity() => m.original(t),
            _ => t,
        }
    }

    fn original_span(&self, s: Span) -> Span {
        Span::new(self.original(s.start), self.original(s.end))
    }

    /// The citations with every span (the citation, each of its parts, the labels and
    /// suggestions of its findings) in ORIGINAL byte offsets.
    pub fn original_citations(&self) -> Vec<Citation> {
        let mut out = self.extraction.citations.clone();
        if self.is_identity() {
            return out;
        }
        for c in &mut out {
            self.citation_to_original(c);
        }
        out
    }

    /// Take one citation's spans (from this document, in text offsets) to the original.
    pub fn citation_to_original(&self, c: &mut Citation) {
        if self.is_identity() {
            return;
        }
        (c.start, c.end) = (self.original(c.start), self.original(c.end));
        let p = &mut c.parts;
        for piece in [
            &mut p.type_word,
            &mut p.so_word,
            &mut p.number_symbol,
            &mut p.date,
            &mut p.issuer,
            &mut p.title,
        ]
        .into_iter()
        .flatten()
        {
            (piece.start, piece.end) = (self.original(piece.start), self.original(piece.end));
        }
    }

    /// The header with its spans in ORIGINAL byte offsets.
    pub fn original_header(&self) -> Header {
        let mut h = self.extraction.header.clone();
        h.number_span = h.number_span.map(|s| self.original_span(s));
        h
    }

    /// The diagnostics (empty when not asked for) with every label and suggestion in
    /// ORIGINAL byte offsets, as JSON and SARIF give them.
    pub fn original_diagnostics(&self) -> Vec<Diagnostic> {
        let mut out = self.diagnostics.clone().unwrap_or_default();
        if self.is_identity() {
            return out;
        }
        for d in &mut out {
            for l in &mut d.labels {
                (l.start, l.end) = (self.original(l.start), self.original(l.end));
            }
            if let Some(s) = &mut d.suggestion {
                (s.start, s.end) = (self.original(s.start), self.original(s.end));
            }
        }
        out
    }

    /// The citations in original offsets, each with the diagnostics on it (`findings`).
    pub fn original_citations_with_findings(&self) -> Vec<Citation> {
        let mut cs = self.original_citations();
        if self.diagnostics.is_some() {
            check::attach_findings(&mut cs, &self.original_diagnostics());
        }
        cs
    }

    /// [`Analysis::original_citations_with_findings`], taking the citations out of the
    /// analysis instead of copying them: its extraction is left without citations.
    pub fn take_original_citations_with_findings(&mut self) -> Vec<Citation> {
        let diagnostics = self
            .diagnostics
            .is_some()
            .then(|| self.original_diagnostics());
        let mut cs = std::mem::take(&mut self.extraction.citations);
        if !self.is_identity() {
            for c in &mut cs {
                self.citation_to_original(c);
            }
        }
        if let Some(d) = diagnostics {
            check::attach_findings(&mut cs, &d);
        }
        cs
    }

    fn is_identity(&self) -> bool {
        self.source.map.as_ref().is_none_or(|m| m.is_identity())
    }

    /// The diagnostics (empty when not asked for), spans into the decoded text.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        self.diagnostics.as_deref().unwrap_or(&[])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each `Wants` does its work and no more: (wants, sections filled, resolved, checked).
    #[test]
    fn wants_table() {
        let reg = Registry::bundled().expect("bundled registry");
        let text = "I. CĂN CỨ\n1. Căn cứ Nghị định số 168 NĐ-CP ngày 28/12/2018 của Chính phủ.\n";
        let rows = [
            (Wants::default(), false, false, false),
            (Wants::index(), true, false, false),
            (Wants::citations(), true, true, false),
            (Wants::citations_only(), true, true, false),
            (Wants::check(Default::default()), false, true, true),
            (Wants::all(Default::default()), true, true, true),
        ];
        for (wants, sections, resolved, checked) in rows {
            let a = analyze_text("p.txt", text, Some(&reg), &wants);
            let c = &a.extraction.citations[0];
            assert_eq!(c.section.is_some(), sections, "{wants:?}");
            assert_eq!(
                a.outline.is_some(),
                sections && !wants.sections_only,
                "{wants:?}"
            );
            assert_eq!(c.instrument.is_some(), resolved, "{wants:?}");
            assert_eq!(a.summary.resolved == 1, resolved, "{wants:?}");
            assert_eq!(a.diagnostics.is_some(), checked, "{wants:?}");
            if checked {
                assert!(
                    a.diagnostics().iter().any(|d| d.code == "C0101"),
                    "{:?}",
                    a.diagnostics
                );
            }
        }
    }

    /// The checker sees the same resolution as the analysis (one resolution per document).
    #[test]
    fn checked_without_a_registry_skips_registry_rules() {
        let text = "Căn cứ Nghị định số 168 NĐ-CP ngày 28/12/2018 của Chính phủ.\n";
        let a = analyze_text("p.txt", text, None, &Wants::all(Default::default()));
        assert_eq!(a.summary.unknown, 1);
        assert!(a.diagnostics().iter().all(|d| !d.code.starts_with("C04")));
        assert!(a.diagnostics().iter().any(|d| d.code == "C0101"));
    }
}
