/**
 * Options app: highlighting mode and style, badge, the site list, known terms, your own terms and
 * notes, history, study exports, and settings export/import; each change is saved at once (the site list on "Save"), saying what was ignored,
 * and an import applies completely or not at all. Cost: a small form; one storage write per change.
 * Must never: lose the user's settings on a bad import or a bad line in the site list.
 */
import type { Translate } from '../messaging/i18n';
import { h } from '../components/dom';
import { switchRow } from '../components/switch-row';
import { headingCase } from '../components/tooltip-card';
import { normalizeSite, type Settings } from '../settings/settings';
import type { DisplayEntry } from '../glossary/display-types';
import { sortedHistory, type HistoryRow } from '../learning/history-store';
import { ankiNotes, entriesCsv } from '../learning/study-exports';
import type { SyncStatus } from '../learning/sync';
import { exportSettings, parseSettingsFile } from '../settings/settings-file';
import { bundledForms, checkUserTerm, type BundledForms, type MyGlossary, type UserTerm } from '../settings/my-glossary';

export interface OptionsDeps {
  doc: Document;
  t: Translate;
  loadSettings(): Promise<Settings>;
  saveSettings(s: Settings): Promise<Settings>;
  download(filename: string, text: string, type: string): void;
  history: { load(): Promise<HistoryRow[]>; clear(): Promise<void> };
  /** The reader's own terms and notes (settings/my-glossary.ts). */
  mine: {
    load(): Promise<MyGlossary>;
    update(change: (g: MyGlossary) => MyGlossary | string): Promise<{ ok: true; value: MyGlossary } | { ok: false; reason: string }>;
  };
  /** An import: the settings and the reader's glossary in one write. */
  saveImport(settings: Settings, mine: MyGlossary): Promise<Settings>;
  /** "Add to my glossary" on a selection: the term to put in the form. */
  initialAdd?: string;
  /** What the last sync did (background/learned-sync.ts), and its changes. */
  syncStatus(): Promise<SyncStatus | null>;
  watchSyncStatus(cb: (s: SyncStatus | null) => void): void;
  /** The glossary (names of known terms; an import naming an unknown entry is refused). */
  entries(): Promise<DisplayEntry[]>;
}

export class OptionsApp {
  private settings!: Settings;
  private root!: HTMLElement;
  private message!: HTMLElement;
  private names = new Map<string, string>();
  private entries: DisplayEntry[] = [];
  private mine: MyGlossary = { userTerms: [], notes: {} };
  private bundled: BundledForms = new Map();
  /** The user term being edited (its index), or null while adding. */
  private editing: number | null = null;
  private addText: string | undefined;
  private sync: SyncStatus | null = null;

  constructor(private readonly d: OptionsDeps) {}

  async mount(root: HTMLElement): Promise<void> {
    this.root = root;
    const [settings, entries, mine] = await Promise.all([this.d.loadSettings(), this.d.entries().catch(() => []), this.d.mine.load()]);
    this.settings = settings;
    this.entries = entries;
    this.mine = mine;
    this.bundled = bundledForms(entries);
    this.addText = this.d.initialAdd;
    this.sync = await this.d.syncStatus().catch(() => null);
    this.d.watchSyncStatus((st) => {
      this.sync = st;
      const line = this.root.querySelector('#sync-status');
      if (line) line.textContent = this.syncLine();
    });
    this.names = new Map(entries.map((e) => [e.id, e.term]));
    this.render();
  }

  private async save(change: Partial<Settings>, note?: string): Promise<void> {
    this.settings = await this.d.saveSettings({ ...this.settings, ...change });
    this.render();
    this.say(note ?? this.d.t('optionsSaved'), 'ok');
  }

  private say(text: string, kind: 'ok' | 'error'): void {
    this.message.textContent = text;
    this.message.className = `message ${kind}`;
    this.message.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  }

  private radios<T extends string>(name: string, legend: string, value: T, options: [T, string][], onChange: (v: T) => void): HTMLElement {
    const { doc } = this.d;
    return h(
      doc,
      'fieldset',
      {},
      h(doc, 'legend', {}, legend),
      ...options.map(([v, label]) => {
        const input = h(doc, 'input', { type: 'radio', name, id: `${name}-${v}`, value: v });
        input.checked = v === value;
        input.addEventListener('change', () => input.checked && onChange(v));
        return h(doc, 'div', { class: 'radio' }, input, h(doc, 'label', { for: `${name}-${v}` }, label));
      }),
    );
  }

  private render(): void {
    const { doc, t } = this.d;
    const s = this.settings;

    const sitesArea = h(doc, 'textarea', { id: 'sites', rows: '8', spellcheck: 'false', 'aria-describedby': 'sites-help' });
    sitesArea.value = s.sites.join('\n');
    const saveSites = h(doc, 'button', { type: 'button', id: 'save-sites' }, t('optionsSave'));
    saveSites.addEventListener('click', () => {
      const lines = sitesArea.value
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      const bad = lines.filter((l) => normalizeSite(l) === null);
      const good = [...new Set(lines.map(normalizeSite).filter((x): x is string => x !== null))];
      void this.save({ sites: good }, bad.length ? t('optionsSitesDropped', bad.join(', ')) : undefined);
    });

    const exportBtn = h(doc, 'button', { type: 'button', id: 'export' }, t('optionsExport'));
    exportBtn.addEventListener('click', () =>
      this.d.download('alignment-glossary-settings.json', exportSettings(this.settings, this.mine), 'application/json'),
    );
    const button = (id: string, label: string, onClick: () => void) => {
      const b = h(doc, 'button', { type: 'button', id }, label);
      b.addEventListener('click', onClick);
      return b;
    };
    const file = h(doc, 'input', { type: 'file', id: 'import-file', accept: 'application/json,.json' });
    file.addEventListener('change', () => void this.importFile(file));

    this.message = h(doc, 'p', { class: 'message', id: 'message', role: 'status', 'aria-live': 'polite' });

    // Known terms, by name, each with its own Unmark button; ids the glossary no longer has show as they are.
    const known = [...s.knownTerms].sort((a, b) => (this.names.get(a) ?? a).localeCompare(this.names.get(b) ?? b));
    const knownList = known.length
      ? h(
          doc,
          'ul',
          { class: 'known-terms', id: 'known-terms' },
          ...known.map((id) => {
            const name = this.names.get(id) ?? id;
            const unmark = h(
              doc,
              'button',
              { type: 'button', class: 'unmark', 'aria-label': t('optionsUnmarkTerm', name) },
              t('optionsUnmark'),
            );
            unmark.addEventListener(
              'click',
              () => void this.save({ knownTerms: this.settings.knownTerms.filter((k) => k !== id) }, t('optionsUnmarked', name)),
            );
            return h(doc, 'li', { 'data-entry': id }, h(doc, 'span', { class: 'known-name' }, headingCase(name)), unmark);
          }),
        )
      : h(doc, 'p', { class: 'help', id: 'known-terms' }, t('optionsKnownNone'));

    this.root.replaceChildren(
      h(doc, 'h1', {}, t('optionsTitle')),
      h(
        doc,
        'section',
        { 'aria-labelledby': 'h-highlighting' },
        h(doc, 'h2', { id: 'h-highlighting' }, t('optionsHighlighting')),
        switchRow(doc, 'enabled', t('optionsEnabled'), s.enabled, (on) => void this.save({ enabled: on })),
        this.radios(
          'mode',
          t('optionsHighlighting'),
          s.mode,
          [
            ['first', t('optionsModeFirst')],
            ['all', t('optionsModeAll')],
          ],
          (mode) => void this.save({ mode }),
        ),
        this.radios(
          'style',
          t('optionsStyle'),
          s.style,
          [
            ['underline', t('optionsStyleUnderline')],
            ['tint', t('optionsStyleTint')],
            ['underline-tint', t('optionsStyleBoth')],
          ],
          (style) => void this.save({ style }),
        ),
        switchRow(doc, 'badge', t('optionsBadge'), s.badge, (on) => void this.save({ badge: on })),
        switchRow(doc, 'card-definition', t('optionsCardDefinition'), s.cardDefinition, (on) => void this.save({ cardDefinition: on })),
      ),
      h(
        doc,
        'section',
        { 'aria-labelledby': 'h-sites' },
        h(doc, 'h2', { id: 'h-sites' }, t('optionsSites')),
        this.radios(
          'siteMode',
          t('optionsSites'),
          s.siteMode,
          [
            ['blocklist', t('optionsSiteModeBlock')],
            ['allowlist', t('optionsSiteModeAllow')],
          ],
          (siteMode) => void this.save({ siteMode }),
        ),
        h(doc, 'label', { for: 'sites', id: 'sites-help' }, t('optionsSitesLabel')),
        sitesArea,
        h(doc, 'div', { class: 'actions' }, saveSites),
      ),
      h(
        doc,
        'section',
        { 'aria-labelledby': 'h-known' },
        h(doc, 'h2', { id: 'h-known' }, t('optionsKnown')),
        h(doc, 'p', { class: 'help' }, t('optionsKnownHelp')),
        this.radios(
          'knownStyle',
          t('optionsKnownStyle'),
          s.knownStyle,
          [
            ['fade', t('optionsKnownFade')],
            ['hide', t('optionsKnownHide')],
          ],
          (knownStyle) => void this.save({ knownStyle }),
        ),
        knownList,
      ),
      this.yourTermsSection(),
      h(
        doc,
        'section',
        { 'aria-labelledby': 'h-history' },
        h(doc, 'h2', { id: 'h-history' }, t('optionsHistory')),
        switchRow(doc, 'history', t('optionsHistoryOn'), s.history, (on) => void this.save({ history: on })),
        switchRow(doc, 'history-pages', t('optionsHistoryPages'), s.historyPages, (on) => void this.save({ historyPages: on }), !s.history),
        h(doc, 'p', { class: 'help' }, t('optionsHistoryHelp')),
        h(
          doc,
          'div',
          { class: 'actions' },
          button('clear-history', t('clearHistory'), () => void this.d.history.clear().then(() => this.say(t('historyCleared'), 'ok'))),
        ),
      ),
      h(
        doc,
        'section',
        { 'aria-labelledby': 'h-sync' },
        h(doc, 'h2', { id: 'h-sync' }, t('optionsSync')),
        switchRow(doc, 'sync', t('optionsSyncOn'), s.sync, (on) => void this.save({ sync: on })),
        h(doc, 'p', { class: 'help' }, t('optionsSyncHelp')),
        h(doc, 'p', { class: 'help', id: 'sync-status', role: 'status' }, s.sync ? this.syncLine() : ''),
      ),
      h(
        doc,
        'section',
        { 'aria-labelledby': 'h-exports' },
        h(doc, 'h2', { id: 'h-exports' }, t('optionsExports')),
        h(
          doc,
          'div',
          { class: 'actions' },
          button('export-known-csv', t('optionsExportKnownCsv'), () =>
            this.d.download('alignment-glossary-known.csv', entriesCsv(this.knownEntries().map((entry) => ({ entry }))), 'text/csv'),
          ),
          button('export-known-anki', t('optionsExportKnownAnki'), () =>
            this.d.download('alignment-glossary-known-anki.txt', ankiNotes(this.knownEntries()), 'text/plain'),
          ),
          button('export-history-csv', t('optionsExportHistoryCsv'), () => void this.exportHistory()),
        ),
      ),
      h(
        doc,
        'section',
        { 'aria-labelledby': 'h-papers' },
        h(doc, 'h2', { id: 'h-papers' }, t('optionsPapers')),
        switchRow(doc, 'arxiv-auto-open', t('optionsArxivAutoOpen'), s.arxivAutoOpen, (on) => void this.save({ arxivAutoOpen: on })),
        h(doc, 'p', { class: 'help', id: 'arxiv-auto-open-help' }, t('optionsArxivAutoOpenHelp')),
        h(doc, 'p', { class: 'help', id: 'file-access-help' }, t('optionsFileAccessHelp')),
      ),
      h(
        doc,
        'section',
        { class: 'actions', 'aria-label': `${t('optionsExport')} / ${t('optionsImport')}` },
        exportBtn,
        h(doc, 'label', { for: 'import-file', class: 'button' }, t('optionsImport')),
        file,
      ),
      this.message,
    );
  }

  /** What the last sync did, in a sentence. */
  private syncLine(): string {
    const { t } = this.d;
    const st = this.sync;
    if (!this.settings.sync || !st) return '';
    const when = new Date(st.at).toLocaleString();
    if (!st.ok) return t('optionsSyncFailed', when, st.error ?? '');
    const left = st.left ?? { userTerms: 0, notes: 0 };
    return left.userTerms || left.notes ? t('optionsSyncPartial', when, `${left.userTerms}`, `${left.notes}`) : t('optionsSyncDone', when);
  }

  /** The known terms' entries, in the order they were marked. */
  private knownEntries(): DisplayEntry[] {
    const byId = new Map(this.entries.map((e) => [e.id, e]));
    return this.settings.knownTerms.map((id) => byId.get(id)).filter((e): e is DisplayEntry => e !== undefined);
  }

  private async exportHistory(): Promise<void> {
    const byId = new Map(this.entries.map((e) => [e.id, e]));
    const rows = sortedHistory(await this.d.history.load(), 'recent').filter((r) => byId.has(r.id));
    const items = rows.map((r) => ({ entry: byId.get(r.id)!, count: r.count, last: r.last }));
    this.d.download('alignment-glossary-history.csv', entriesCsv(items, 'looked up'), 'text/csv');
  }

  private async importFile(input: HTMLInputElement): Promise<void> {
    const f = input.files?.[0];
    input.value = '';
    if (!f) return;
    const context = {
      current: this.settings,
      currentMine: this.mine,
      bundled: this.bundled,
      isEntryId: (id: string) => this.names.has(id),
    };
    const result =
      f.size > 5_000_000 ? { ok: false as const, reason: 'it is larger than 5 MB.' } : parseSettingsFile(await f.text(), context);
    if (!result.ok) {
      this.say(this.d.t('optionsImportFailed', f.name, result.reason), 'error');
      return;
    }
    try {
      this.settings = await this.d.saveImport(result.settings, result.mine);
    } catch (err) {
      this.say(this.d.t('optionsImportFailed', f.name, `the browser refused to store it (${(err as Error).message}).`), 'error');
      return;
    }
    this.mine = result.mine;
    this.render();
    this.say(this.d.t('optionsImported'), 'ok');
  }

  /** "Your terms": the form (add, or edit one), the list with Edit and Delete, and the notes on glossary entries. */
  private yourTermsSection(): HTMLElement {
    const { doc, t } = this.d;
    const editing = this.editing === null ? null : (this.mine.userTerms[this.editing] ?? null);
    const field = (id: string, label: string, input: HTMLInputElement | HTMLTextAreaElement, help?: string) =>
      h(
        doc,
        'div',
        { class: 'field' },
        h(doc, 'label', { for: id }, label),
        input,
        help ? h(doc, 'span', { class: 'help', id: `${id}-help` }, help) : null,
      );
    const term = h(doc, 'input', { type: 'text', id: 'ut-term', maxlength: '100', required: true, autocomplete: 'off' });
    const aliases = h(doc, 'input', { type: 'text', id: 'ut-aliases', autocomplete: 'off', 'aria-describedby': 'ut-aliases-help' });
    const definition = h(doc, 'textarea', { id: 'ut-definition', rows: '3', maxlength: '1000', required: true });
    const source = h(doc, 'input', { type: 'url', id: 'ut-source', placeholder: 'https://', autocomplete: 'off' });
    const note = h(doc, 'textarea', { id: 'ut-note', rows: '2', maxlength: '1000' });
    const from: UserTerm | null = editing;
    term.value = from?.term ?? this.addText ?? '';
    aliases.value = (from?.aliases ?? []).join(', ');
    definition.value = from?.definition ?? '';
    source.value = from?.source ?? '';
    note.value = from?.note ?? '';
    const submit = h(doc, 'button', { type: 'submit', id: 'ut-save' }, t(editing ? 'optionsSaveTerm' : 'optionsAddTerm'));
    const cancel = editing ? h(doc, 'button', { type: 'button', id: 'ut-cancel' }, t('optionsCancel')) : null;
    cancel?.addEventListener('click', () => {
      this.editing = null;
      this.render();
    });
    const form = h(
      doc,
      'form',
      { id: 'user-term-form', 'aria-label': t(editing ? 'optionsEditTerm' : 'optionsAddTerm') },
      field('ut-term', t('optionsTermLabel'), term),
      field('ut-aliases', t('optionsAliasesLabel'), aliases, t('optionsAliasesHelp')),
      field('ut-definition', t('optionsDefinitionLabel'), definition),
      field('ut-source', t('optionsSourceLabel'), source),
      field('ut-note', t('optionsNoteLabel'), note),
      h(doc, 'div', { class: 'actions' }, submit, cancel),
    );
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const raw = {
        term: term.value,
        aliases: aliases.value
          .split(',')
          .map((a) => a.trim())
          .filter(Boolean),
        definition: definition.value,
        source: source.value,
        note: note.value,
      };
      void this.saveUserTerm(raw, this.editing);
    });
    // Opened from "Add to my glossary": the term is in; the definition is what is left to write.
    if (this.addText && !editing) queueMicrotask(() => definition.focus());

    const list = this.mine.userTerms.length
      ? h(
          doc,
          'ul',
          { class: 'known-terms', id: 'user-terms' },
          ...this.mine.userTerms.map((u, i) => {
            const edit = h(
              doc,
              'button',
              { type: 'button', class: 'unmark', 'aria-label': t('optionsEditNamed', u.term) },
              t('optionsEdit'),
            );
            edit.addEventListener('click', () => {
              this.editing = i;
              this.addText = undefined;
              this.render();
              doc.getElementById('ut-term')?.focus();
            });
            const del = h(
              doc,
              'button',
              { type: 'button', class: 'unmark', 'aria-label': t('optionsDeleteNamed', u.term) },
              t('optionsDelete'),
            );
            del.addEventListener(
              'click',
              () =>
                void this.changeMine((g) => ({ ...g, userTerms: g.userTerms.filter((_, k) => k !== i) }), t('optionsTermDeleted', u.term)),
            );
            return h(
              doc,
              'li',
              { 'data-term': u.term },
              h(doc, 'span', { class: 'known-name' }, u.term),
              h(doc, 'span', { class: 'row-actions' }, edit, del),
            );
          }),
        )
      : h(doc, 'p', { class: 'help', id: 'user-terms' }, t('optionsNoTerms'));

    const notes = Object.entries(this.mine.notes);
    const notesList = notes.length
      ? h(
          doc,
          'ul',
          { class: 'notes', id: 'your-notes' },
          ...notes.map(([id, text]) => {
            const name = headingCase(this.names.get(id) ?? id);
            const del = h(
              doc,
              'button',
              { type: 'button', class: 'unmark', 'aria-label': t('optionsDeleteNoteNamed', name) },
              t('optionsDelete'),
            );
            del.addEventListener(
              'click',
              () =>
                void this.changeMine(
                  (g) => {
                    const { [id]: _gone, ...rest } = g.notes;
                    return { ...g, notes: rest };
                  },
                  t('optionsNoteDeleted', name),
                ),
            );
            return h(doc, 'li', {}, h(doc, 'span', { class: 'known-name' }, h(doc, 'strong', {}, name), ` ${text}`), del);
          }),
        )
      : h(doc, 'p', { class: 'help', id: 'your-notes' }, t('optionsNoNotes'));

    return h(
      doc,
      'section',
      { 'aria-labelledby': 'h-your-terms', id: 'your-terms' },
      h(doc, 'h2', { id: 'h-your-terms' }, t('optionsYourTerms')),
      h(doc, 'p', { class: 'help' }, t('optionsYourTermsHelp')),
      form,
      list,
      h(doc, 'h3', {}, t('optionsYourNotes')),
      notesList,
    );
  }

  private async saveUserTerm(raw: unknown, index: number | null): Promise<void> {
    const { t } = this.d;
    const result = await this.d.mine.update((g) => {
      const others = g.userTerms.filter((_, k) => k !== index);
      const term = checkUserTerm(raw, this.bundled, others);
      if (typeof term === 'string') return term;
      const userTerms = g.userTerms.slice();
      if (index === null) userTerms.push(term);
      else userTerms[index] = term;
      return { ...g, userTerms };
    });
    if (!result.ok) return this.say(t('optionsTermRefused', result.reason), 'error');
    const name = (raw as { term: string }).term.trim();
    this.mine = result.value;
    this.editing = null;
    this.addText = undefined;
    this.render();
    this.say(t(index === null ? 'optionsTermAdded' : 'optionsTermSaved', name), 'ok');
  }

  private async changeMine(change: (g: MyGlossary) => MyGlossary, done: string): Promise<void> {
    const result = await this.d.mine.update(change);
    if (!result.ok) return this.say(this.d.t('optionsTermRefused', result.reason), 'error');
    this.mine = result.value;
    this.editing = null;
    this.render();
    this.say(done, 'ok');
  }
}
