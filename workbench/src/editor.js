// The query editor: CodeMirror 6 with SPARQL highlighting, prefix completion and error marks.
import { EditorState, StateEffect, StateField } from '@codemirror/state';
import {
  EditorView, Decoration, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter,
  drawSelection, placeholder,
} from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import {
  StreamLanguage, HighlightStyle, syntaxHighlighting, bracketMatching, indentOnInput,
} from '@codemirror/language';
import {
  autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap,
} from '@codemirror/autocomplete';
import { sparql as sparqlMode } from '@codemirror/legacy-modes/mode/sparql';
import { tags as t } from '@lezer/highlight';
import { KNOWN, PREDECLARED, declaredPrefixes } from './sparql.js';

const style = HighlightStyle.define([
  { tag: t.keyword, color: '#7a3e9d', fontWeight: '600' },
  { tag: t.standard(t.variableName), color: '#7a3e9d' }, // builtins
  { tag: t.local(t.variableName), color: '#1f6f8b' }, // ?vars
  { tag: t.atom, color: '#2a6e2a' }, // IRIs and prefixed names
  { tag: t.string, color: '#a3432a' },
  { tag: t.comment, color: '#888', fontStyle: 'italic' },
  { tag: t.meta, color: '#a3432a' },
  { tag: t.operator, color: '#555' },
]);

const KEYWORDS = [
  'SELECT', 'DISTINCT', 'REDUCED', 'WHERE', 'CONSTRUCT', 'DESCRIBE', 'ASK', 'FROM', 'NAMED',
  'GRAPH', 'OPTIONAL', 'UNION', 'MINUS', 'FILTER', 'BIND', 'VALUES', 'SERVICE', 'EXISTS',
  'NOT EXISTS', 'ORDER BY', 'GROUP BY', 'HAVING', 'LIMIT', 'OFFSET', 'ASC', 'DESC', 'AS',
  'PREFIX', 'BASE', 'COUNT', 'SUM', 'MIN', 'MAX', 'AVG', 'SAMPLE', 'GROUP_CONCAT', 'STR',
  'LANG', 'LANGMATCHES', 'DATATYPE', 'BOUND', 'IRI', 'CONTAINS', 'STRSTARTS', 'STRENDS',
  'REGEX', 'LCASE', 'UCASE', 'YEAR', 'COALESCE', 'IF', 'ISIRI', 'ISLITERAL', 'ISBLANK',
  'INSERT DATA', 'DELETE DATA', 'INSERT', 'DELETE', 'WITH', 'USING',
];

// vocab(): {byNs: Map(namespace -> [{local, kind, detail}])} from the store (filled later).
function sparqlCompletion(vocab) {
  return (ctx) => {
    const text = ctx.state.doc.toString();
    const declared = declaredPrefixes(text);
    const prefixes = { ...KNOWN, ...declared };

    // After "PREFIX ": whole declarations of well-known vocabularies.
    const decl = ctx.matchBefore(/PREFIX\s+[\w.-]*:?/i);
    if (decl) {
      const start = decl.from + decl.text.match(/PREFIX\s+/i)[0].length;
      return {
        from: start,
        options: Object.entries(KNOWN)
          .filter(([p]) => !(p in PREDECLARED) || p === '')
          .map(([p, ns]) => ({ label: `${p}: <${ns}>`, type: 'namespace' })),
      };
    }

    // prefix:local
    const pn = ctx.matchBefore(/(?:^|[^\w?$<"'])([A-Za-z][\w.-]*)?:[\w.\-]*$/);
    if (pn) {
      const m = pn.text.match(/([A-Za-z][\w.-]*)?:([\w.\-]*)$/);
      const prefix = m[1] ?? '';
      const ns = prefixes[prefix];
      if (!ns) return null;
      const from = pn.to - m[2].length;
      const needDecl = !(prefix in PREDECLARED) && !(prefix in declared);
      const items = vocab().byNs.get(ns) ?? [];
      return {
        from,
        validFor: /^[\w.\-]*$/,
        options: items.map((it) => ({
          label: it.local,
          type: it.kind,
          detail: it.detail,
          boost: it.kind === 'property' ? 2 : it.kind === 'class' ? 1 : 0,
          apply: needDecl
            ? (view, completion, f, to) => {
              view.dispatch({
                changes: [
                  { from: 0, insert: `PREFIX ${prefix}: <${ns}>\n` },
                  { from: f, to, insert: completion.label },
                ],
              });
            }
            : undefined,
        })),
      };
    }

    // ?variables already used in the query
    const v = ctx.matchBefore(/[?$][\w]*/);
    if (v) {
      const vars = [...new Set(text.match(/[?$][A-Za-z_]\w*/g) ?? [])]
        .filter((x) => x !== v.text)
        .map((x) => ({ label: x, type: 'variable' }));
      return { from: v.from, options: vars, validFor: /^[?$]\w*$/ };
    }

    // Keywords and prefix names
    const w = ctx.matchBefore(/[A-Za-z][\w-]*/);
    if (!w && !ctx.explicit) return null;
    if (w && w.from > 0 && /[<"'\w:]/.test(ctx.state.sliceDoc(w.from - 1, w.from))) return null;
    return {
      from: w ? w.from : ctx.pos,
      validFor: /^[A-Za-z][\w-]*$/,
      options: [
        ...Object.keys(prefixes).filter((p) => p).map((p) => ({
          label: p + ':', type: 'namespace', detail: prefixes[p], boost: -1,
        })),
        ...KEYWORDS.map((k) => ({ label: k, type: 'keyword' })),
      ],
    };
  };
}

const setError = StateEffect.define();
const errorLine = Decoration.line({ class: 'cm-error-line' });
const errorMark = Decoration.mark({ class: 'cm-error-mark' });
const errorField = StateField.define({
  create: () => Decoration.none,
  update(deco, tr) {
    deco = tr.docChanged ? Decoration.none : deco;
    for (const e of tr.effects) if (e.is(setError)) deco = e.value;
    return deco;
  },
  provide: (f) => EditorView.decorations.from(f),
});

export function createEditor(parent, { doc, onRun, onChange, vocab }) {
  const run = () => { onRun(); return true; };
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightActiveLine(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        closeBrackets(),
        autocompletion({ override: [sparqlCompletion(vocab)], icons: true }),
        StreamLanguage.define(sparqlMode),
        syntaxHighlighting(style),
        placeholder('SELECT * WHERE { ?s ?p ?o } LIMIT 10'),
        errorField,
        keymap.of([
          { key: 'Mod-Enter', run },
          { key: 'Shift-Enter', run },
          ...closeBracketsKeymap,
          ...completionKeymap,
          ...defaultKeymap,
          ...historyKeymap,
          indentWithTab,
        ]),
        EditorView.updateListener.of((u) => { if (u.docChanged) onChange?.(); }),
        EditorView.lineWrapping,
      ],
    }),
  });

  return {
    view,
    get value() { return view.state.doc.toString(); },
    set value(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    focus: () => view.focus(),
    // line and column are 1-based; column 0 marks the whole line.
    markError(line, column) {
      const doc = view.state.doc;
      if (!line || line > doc.lines) return;
      const l = doc.line(line);
      const at = Math.min(l.from + Math.max(column - 1, 0), l.to);
      const decos = [errorLine.range(l.from)];
      if (column && at < l.to) decos.push(errorMark.range(at, at + 1));
      view.dispatch({
        effects: setError.of(Decoration.set(decos, true)),
        selection: { anchor: at },
        scrollIntoView: true,
      });
    },
    clearError() { view.dispatch({ effects: setError.of(Decoration.none) }); },
  };
}
