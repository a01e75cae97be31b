import { LANGUAGE_TAGS, type Language } from "../../i18n/messages";
import { localized, translate } from "../../i18n/translate";
import type { FeatureLookup } from "../../layers/featureLookup";
import type { LayerFeature } from "../../layers/layerData";
import type { LayerDefinition } from "../../layers/manifestTypes";
import type { FeatureHit, MapAdapter } from "../../map/mapAdapter";
import { clauseLabel } from "../../policy/clauseLabel";
import { resolveCitation } from "../../policy/corpus";
import { disagreementDocumentIds, disagreementsFor, resolveDisagreement, type Disagreement, type ResolvedDisagreement } from "../../policy/disagreements";
import type { DocumentLoad, PolicyLibrary } from "../../policy/policyLibrary";
import { parseClauseRef, type PolicyDocument } from "../../policy/policyTypes";
import { featureSelection, isSameSelection, type Selection } from "../../state/selection";
import type { AppStore } from "../../state/store";
import { h, setChildren, type Child } from "../dom";
import type { PolicyNavigator } from "../policyNavigator";
import { featureAttributes, type AttributeRow } from "./attributeTable";
import { markChineseTerms } from "../chineseTerms";
import { onDemand } from "../onDemand";
import type { FeatureMeasure } from "./featureMeasures";
// Its strings load with it.
import { translateInspector } from "../../i18n/messages.inspector";

export interface InspectorParts {
  store: AppStore;
  adapter: MapAdapter;
  lookup: FeatureLookup;
  library: PolicyLibrary;
  navigator: PolicyNavigator;
  /** The card over the map the inspector renders into. */
  container: HTMLElement;
}

function featureName(feature: LayerFeature, language: Language): string {
  const { name, name_en: nameEn } = feature.properties;
  return language === "en" && nameEn ? nameEn : name;
}

function textProperty(feature: LayerFeature, key: string, language: Language): string | null {
  const english = feature.properties[`${key}_en`];
  const chinese = feature.properties[key];
  if (language === "en" && typeof english === "string" && english.trim() !== "") return english;
  return typeof chinese === "string" && chinese.trim() !== "" ? chinese : null;
}

/**
 * A note the data writes, as a paragraph: its English with the Chinese terms it names marked; in English without an
 * English variant, the Chinese note marked as Chinese as a whole.
 */
function proseNote(feature: LayerFeature, key: string, language: Language, attributes: Record<string, string>): HTMLElement | null {
  const text = textProperty(feature, key, language);
  if (text === null) return null;
  const english = language === "en" && feature.properties[`${key}_en`] === text;
  return english
    ? h("p", { ...attributes, lang: LANGUAGE_TAGS.en, "data-prose": "" }, markChineseTerms(text))
    : h("p", { ...attributes, lang: LANGUAGE_TAGS.zh }, text);
}

/** How running text names a document: its printed number in Chinese, its English short title in English. */
function documentReference(document: PolicyDocument, language: Language): string {
  return language === "zh" ? (document.docNumber ?? document.shortTitle.zh) : localized(document.shortTitle, language);
}

/** An attribute's value: the app's words as they are, a data note with its Chinese terms marked, a quotation as Chinese. */
function attributeValue(row: AttributeRow): HTMLElement {
  if (row.kind === "prose") return h("dd", { "data-attribute": row.key, "data-prose": "" }, markChineseTerms(row.value));
  if (row.kind === "quote") return h("dd", { "data-attribute": row.key, lang: LANGUAGE_TAGS.zh }, row.value);
  return h("dd", { "data-attribute": row.key }, row.value);
}

/** The text with every occurrence of the terms (two characters or more) marked, built as text nodes. */
function markedText(text: string, terms: readonly string[]): Child[] {
  const wanted = terms.filter((term) => term.length >= 2);
  const parts: Child[] = [];
  let from = 0;
  while (from < text.length) {
    let at = -1;
    let found = "";
    for (const term of wanted) {
      const position = text.indexOf(term, from);
      if (position >= 0 && (at < 0 || position < at)) {
        at = position;
        found = term;
      }
    }
    if (at < 0) break;
    if (at > from) parts.push(text.slice(from, at));
    parts.push(h("mark", {}, found));
    from = at + found.length;
  }
  if (from < text.length) parts.push(text.slice(from));
  return parts;
}

function formatFixed(value: number, language: Language, digits: number): string {
  return value.toLocaleString(language === "zh" ? "zh-CN" : "en", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Citations of the layer's own documents first (the fee clause for the fee-tier layer), then the rest as listed. */
function orderedCitations(sources: readonly string[], layer: LayerDefinition): string[] {
  const rank = (citation: string) => {
    const documentId = parseClauseRef(citation)?.documentId ?? "";
    const position = layer.sourceDocuments.indexOf(documentId);
    return position < 0 ? layer.sourceDocuments.length : position;
  };
  return sources
    .map((citation, position) => ({ citation, position }))
    .sort((a, b) => rank(a.citation) - rank(b.citation) || a.position - b.position)
    .map(({ citation }) => citation);
}

/**
 * The feature inspector: what was hit under the last click (to choose from), then the chosen feature's name,
 * layer and geometry quality, where documents disagree, its labelled attributes, the clauses it cites (quoted
 * verbatim, each with a way into the document) and its measured area, length or position.
 */
export function mountInspector(parts: InspectorParts): () => void {
  const { store, adapter, lookup, library, navigator, container } = parts;
  container.classList.add("inspector");
  container.setAttribute("role", "region");

  let hits: FeatureHit[] = [];
  /** True while a feature is chosen from the list of hits: the card stays where the click put it. */
  let choosingHit = false;
  // Area and length figures bring proj4 along: fetched when a feature is first shown.
  const measures = onDemand(
    () => import("./featureMeasures"),
    () => render(),
  );
  const loads = new Map<string, DocumentLoad>();
  const pending = new Set<string>();
  let renderedSelection: Selection | null = null;

  const documentsById = () => {
    const documents = new Map<string, PolicyDocument>();
    for (const [id, load] of loads) if (load.type === "loaded") documents.set(id, load.document);
    return documents;
  };

  const request = (documentIds: Iterable<string>) => {
    for (const documentId of documentIds) {
      if (loads.has(documentId) || pending.has(documentId)) continue;
      const ready = library.loadedDocument(documentId);
      if (ready) {
        loads.set(documentId, { type: "loaded", document: ready });
        continue;
      }
      pending.add(documentId);
      void library.document(documentId).then((load) => {
        pending.delete(documentId);
        loads.set(documentId, load);
        render();
      });
    }
  };

  const openInDocumentButton = (documentId: string, clauseId: string, label: string) =>
    h(
      "button",
      {
        type: "button",
        class: "link-button",
        "data-action": "open-in-document",
        "aria-label": label,
        onclick: () => navigator.openClause(documentId, clauseId),
      },
      translateInspector(store.getState().language, "inspector.openInDocument"),
    );

  const renderHits = (selection: Selection, language: Language): HTMLElement | null => {
    if (hits.length < 2 || !hits.some((hit) => isSameSelection(featureSelection(hit.layerId, hit.featureId), selection))) return null;
    return h(
      "nav",
      { class: "inspector-hits", "aria-label": translateInspector(language, "inspector.hits", { count: hits.length }) },
      h("p", { class: "inspector-hits-heading" }, translateInspector(language, "inspector.hits", { count: hits.length })),
      h(
        "ul",
        {},
        hits.map((hit) => {
          const feature = lookup.feature(hit.layerId, hit.featureId);
          const layer = lookup.layer(hit.layerId);
          if (!feature || !layer) return null;
          const current = isSameSelection(featureSelection(hit.layerId, hit.featureId), selection);
          return h(
            "li",
            {},
            h(
              "button",
              {
                type: "button",
                class: "inspector-hit",
                "data-hit": `${hit.layerId}/${hit.featureId}`,
                "aria-current": current ? "true" : undefined,
                onclick: () => {
                  choosingHit = true;
                  store.getState().select(featureSelection(hit.layerId, hit.featureId));
                  choosingHit = false;
                },
              },
              h("span", { class: "inspector-hit-name" }, featureName(feature, language)),
              h("span", { class: "inspector-hit-layer" }, localized(layer.title, language)),
            ),
          );
        }),
      ),
    );
  };

  const renderGeometry = (feature: LayerFeature, layer: LayerDefinition, language: Language) => {
    const quality = feature.properties.geometry_quality;
    const accuracy = layer.positionalAccuracyM > 0 ? translateInspector(language, "inspector.accuracy", { metres: layer.positionalAccuracyM }) : null;
    return h(
      "details",
      { class: "inspector-geometry", "data-inspector-geometry": quality },
      h(
        "summary",
        {},
        h("span", { class: `quality-badge--${quality}` }, h("span", { class: "quality-pill" }, translate(language, `quality.${quality}`))),
        h("span", { class: "inspector-geometry-summary" }, [translateInspector(language, "inspector.geometryNote"), accuracy ? ` · ${accuracy}` : null]),
      ),
      h("p", { class: "inspector-note" }, translate(language, `quality.explain.${quality}`)),
      proseNote(feature, "geometry_note", language, { class: "inspector-note" }),
    );
  };

  const renderMeasure = (feature: LayerFeature, language: Language): HTMLElement | null => {
    const loaded = measures.loaded();
    if (!loaded) {
      void measures.load();
      return h("p", { class: "inspector-measuring" }, translateInspector(language, "inspector.measuring"));
    }
    const measure: FeatureMeasure = loaded.measureFeature(feature.geometry);
    const schematic = feature.properties.geometry_quality !== "official";
    switch (measure.type) {
      case "area":
        return h(
          "section",
          { class: "inspector-section", "data-inspector-measure": "area" },
          h("h3", {}, translateInspector(language, "inspector.area")),
          h(
            "p",
            { class: "inspector-figure" },
            translateInspector(language, "inspector.areaValue", {
              squareMetres: formatFixed(measure.squareMetres, language, 0),
              hectares: formatFixed(measure.hectares, language, 2),
              mu: formatFixed(measure.mu, language, 1),
            }),
          ),
          h("p", { class: "inspector-note" }, translateInspector(language, "inspector.areaSystem")),
          schematic ? h("p", { class: "inspector-note inspector-caveat" }, translateInspector(language, "inspector.areaSchematic")) : null,
        );
      case "length":
        return h(
          "section",
          { class: "inspector-section", "data-inspector-measure": "length" },
          h("h3", {}, translateInspector(language, "inspector.length")),
          h(
            "p",
            { class: "inspector-figure" },
            translateInspector(language, "inspector.lengthValue", { kilometres: formatFixed(measure.metres / 1000, language, 2) }),
          ),
        );
      case "position":
        return h(
          "section",
          { class: "inspector-section", "data-inspector-measure": "position" },
          h("h3", {}, translateInspector(language, "inspector.position")),
          h(
            "dl",
            { class: "inspector-attributes" },
            h("dt", {}, translateInspector(language, "inspector.wgs84")),
            h("dd", { class: "coordinate-value" }, measure.wgs84),
            h("dt", {}, translateInspector(language, "inspector.gaussKruger")),
            h("dd", { class: "coordinate-value" }, measure.gaussKruger ?? translateInspector(language, "inspector.outsideZone")),
          ),
        );
      case "none":
        return null;
    }
  };

  const documentHeading = (document: PolicyDocument, clauseId: string, language: Language): HTMLElement =>
    h(
      "p",
      { class: "citation-source" },
      h("span", { class: "citation-document" }, localized(document.shortTitle, language)),
      // The printed number and clause numbering are the document's own words: Chinese in both languages.
      document.docNumber ? h("span", { class: "citation-number", lang: LANGUAGE_TAGS.zh }, document.docNumber) : null,
      h("span", { class: "citation-clause", lang: LANGUAGE_TAGS.zh }, clauseLabel(document, clauseId, language)),
    );

  const quote = (text: string, terms: readonly string[], language: Language) =>
    h(
      "blockquote",
      { class: "citation-text", lang: "zh-CN", "data-citation-text": "" },
      language === "en" ? h("span", { class: "citation-verbatim", lang: "en" }, `${translateInspector(language, "inspector.verbatim")}: `) : null,
      markedText(text, terms),
    );

  const renderDisagreement = (resolved: ResolvedDisagreement, feature: LayerFeature, language: Language): HTMLElement => {
    const { disagreement, sides, order } = resolved;
    const note =
      proseNote(feature, "conflict_note", language, { class: "disagreement-note", "data-conflict-note": "" }) ??
      h("p", { class: "disagreement-note", "data-conflict-note": "" }, localized(disagreement.summary, language));
    const documentName = (documentId: string) => {
      const side = sides.find((candidate) => candidate.document.id === documentId);
      return side ? documentReference(side.document, language) : documentId;
    };
    return h(
      "section",
      { class: "disagreement", role: "note", "data-disagreement": disagreement.id },
      h("h3", { class: "disagreement-heading" }, translateInspector(language, "inspector.disagreement", { topic: localized(disagreement.topic, language) })),
      note,
      sides.map((side) =>
        h(
          "div",
          { class: "disagreement-side", "data-citation": side.citation },
          documentHeading(side.document, side.clause.id, language),
          h("p", { class: "citation-signed" }, translateInspector(language, "inspector.signed", { date: side.document.signed })),
          quote(side.clause.text, disagreement.phrases, language),
          openInDocumentButton(
            side.document.id,
            side.clause.id,
            translateInspector(language, "inspector.openInDocumentLabel", {
              document: documentReference(side.document, language),
              clause: clauseLabel(side.document, side.clause.id, language),
            }),
          ),
        ),
      ),
      order?.type === "same-day"
        ? h("p", { class: "disagreement-order" }, translateInspector(language, "inspector.disagreementSameDay", { date: order.date }))
        : order?.type === "later"
          ? h(
              "p",
              { class: "disagreement-order" },
              translateInspector(language, "inspector.disagreementLater", { document: documentName(order.documentId), date: order.date }),
            )
          : null,
    );
  };

  const renderCitation = (citation: string, quotedAbove: boolean, feature: LayerFeature, language: Language): HTMLElement => {
    const ref = parseClauseRef(citation);
    const load = ref ? loads.get(ref.documentId) : undefined;
    const body: Child[] = [];
    if (!ref || load?.type === "unknown") {
      body.push(h("p", { class: "citation-problem" }, translateInspector(language, "inspector.sourceUnknown", { citation })));
    } else if (!load) {
      body.push(
        h("p", { class: "citation-source" }, citation),
        h("p", { class: "inspector-measuring" }, translateInspector(language, "inspector.loadingSource")),
      );
    } else if (load.type === "failed") {
      body.push(h("p", { class: "citation-problem" }, translateInspector(language, "inspector.sourceFailed", { error: load.errors[0] ?? citation })));
    } else {
      const resolved = resolveCitation(new Map([[load.document.id, load.document]]), citation);
      if (!resolved.ok) {
        body.push(h("p", { class: "citation-problem" }, translateInspector(language, "inspector.sourceUnknown", { citation })));
      } else {
        const label = clauseLabel(resolved.document, resolved.clause.id, language);
        body.push(
          documentHeading(resolved.document, resolved.clause.id, language),
          quotedAbove ? null : quote(resolved.clause.text, [feature.properties.name], language),
          openInDocumentButton(
            resolved.document.id,
            resolved.clause.id,
            translateInspector(language, "inspector.openInDocumentLabel", {
              document: documentReference(resolved.document, language),
              clause: label,
            }),
          ),
        );
      }
    }
    return h("li", { class: "citation", "data-citation": citation }, body);
  };

  const render = () => {
    const { selection, language } = store.getState();
    const sameFeature = renderedSelection !== null && isSameSelection(renderedSelection, selection);
    const scrollTop = container.scrollTop;
    const focusedKey = container.contains(document.activeElement)
      ? ((document.activeElement as HTMLElement).dataset.hit ?? (document.activeElement as HTMLElement).dataset.action ?? null)
      : null;
    if (!sameFeature) {
      // A document that failed to load is asked for again when the next feature is opened.
      for (const [documentId, load] of loads) if (load.type === "failed") loads.delete(documentId);
    }
    const feature = selection.type === "feature" ? lookup.feature(selection.layerId, selection.featureId) : undefined;
    const layer = selection.type === "feature" ? lookup.layer(selection.layerId) : undefined;
    if (selection.type === "none" || !feature || !layer) {
      container.hidden = true;
      container.removeAttribute("data-inspector");
      container.replaceChildren();
      renderedSelection = null;
      return;
    }

    const citations = orderedCitations(feature.properties.source, layer);
    const hasConflictNote = textProperty(feature, "conflict_note", language) !== null;
    const disagreements: Disagreement[] = disagreementsFor(citations, hasConflictNote ? {} : { documents: layer.sourceDocuments });
    request(citations.map((citation) => parseClauseRef(citation)?.documentId).filter((id): id is string => !!id));
    request(disagreements.flatMap(disagreementDocumentIds));
    const resolvedDisagreements = disagreements.map((disagreement) => resolveDisagreement(disagreement, documentsById()));
    const quotedAbove = new Set(resolvedDisagreements.flatMap((resolved) => resolved.sides.map((side) => side.citation)));
    const attributes = featureAttributes(feature.properties, layer, language, lookup.names);

    container.hidden = false;
    container.dataset.inspector = `${layer.id}/${feature.properties.id}`;
    container.setAttribute("aria-label", translateInspector(language, "inspector.label"));
    setChildren(
      container,
      h(
        "div",
        { class: "inspector-head" },
        h("h2", { class: "inspector-name", "data-inspector-name": "" }, featureName(feature, language)),
        h(
          "button",
          {
            type: "button",
            class: "icon-button",
            "aria-label": translateInspector(language, "inspector.close"),
            "data-action": "close-inspector",
            onclick: () => store.getState().clearSelection(),
          },
          "×",
        ),
      ),
      h("p", { class: "inspector-layer" }, translateInspector(language, "inspector.layer", { title: localized(layer.title, language) })),
      renderHits(selection, language),
      renderGeometry(feature, layer, language),
      resolvedDisagreements.map((resolved) => renderDisagreement(resolved, feature, language)),
      hasConflictNote && disagreements.length === 0
        ? h(
            "section",
            { class: "disagreement", role: "note" },
            proseNote(feature, "conflict_note", language, { class: "disagreement-note", "data-conflict-note": "" }),
          )
        : null,
      attributes.length > 0
        ? h(
            "section",
            { class: "inspector-section" },
            h("h3", {}, translateInspector(language, "inspector.attributes")),
            h(
              "dl",
              { class: "inspector-attributes" },
              attributes.map((row) => [h("dt", { "data-attribute-label": row.key }, row.label), attributeValue(row)]),
            ),
          )
        : null,
      h(
        "section",
        { class: "inspector-section inspector-sources" },
        h("h3", {}, translateInspector(language, "inspector.sources")),
        citations.length > 0
          ? h(
              "ol",
              { class: "citations" },
              citations.map((citation) => renderCitation(citation, quotedAbove.has(citation), feature, language)),
            )
          : h("p", { class: "inspector-note" }, translateInspector(language, "inspector.noSources")),
      ),
      renderMeasure(feature, language),
      h(
        "button",
        {
          type: "button",
          class: "link-button",
          "data-action": "zoom-to-feature",
          onclick: () => navigator.flyToFeature(layer.id, feature.properties.id),
        },
        translateInspector(language, "inspector.zoomTo"),
      ),
    );
    if (sameFeature) container.scrollTop = scrollTop;
    else container.scrollTop = 0;
    if (focusedKey) {
      const target = [...container.querySelectorAll<HTMLElement>("[data-hit], [data-action]")].find(
        (element) => (element.dataset.hit ?? element.dataset.action) === focusedKey,
      );
      target?.focus({ preventScroll: true });
    }
    renderedSelection = selection;
  };

  // After a click on the map's right half the card moves to the left, so it does not cover what was clicked;
  // the reader (over the left of the screen) sends it back to the right.
  let clickedRight = false;
  const place = () => {
    container.classList.toggle("inspector--left", clickedRight && store.getState().reader.type === "closed");
  };
  const stopClick = adapter.onClick((point) => {
    hits = adapter.featuresAt(point);
    clickedRight = point.x > (container.parentElement?.clientWidth ?? 0) / 2;
    place();
    render();
  });
  container.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !event.defaultPrevented) {
      event.preventDefault();
      store.getState().clearSelection();
    }
  });
  render();
  const stopStore = store.subscribe((state, previous) => {
    // Selections from the search, links or the reader keep the card on the right (a click then moves it).
    if (state.selection !== previous.selection && !choosingHit) clickedRight = false;
    if (state.reader !== previous.reader || state.selection !== previous.selection) place();
    if (state.selection !== previous.selection || state.language !== previous.language) render();
  });
  return () => {
    stopClick();
    stopStore();
  };
}
