import type { Language } from "../../i18n/messages";
import { attributeOf, nameVocabulary, valueWord } from "../../layers/attributeValues";
import type { DataPackage } from "../../layers/layerData";
import type { MapAdapter } from "../../map/mapAdapter";
import { boundsAround } from "../../map/mapMarks";
import type { FieldReport } from "../../memorials/fieldReport";
import { districtStanding } from "../../memorials/districtStanding";
import { formatDistance, formatDistrictStanding } from "../../memorials/formatDistance";
import { browserShareEnvironment, memorialShareUrl, shareLink } from "../../memorials/memorialLinks";
import { loadMemorialNotice } from "../../memorials/memorialNotice";
import { memorialLayerOf, memorialName, memorialsFromLayer, positionCertainty, type Memorial } from "../../memorials/memorials";
import { withOfficialPositions } from "../../memorials/officialPositions";
import { locateUser } from "../../memorials/locateUser";
import type { UserLocation } from "../../state/fieldSlice";
import { h, setChildren } from "../dom";
import { renderMemorialCard, type NoticeLoad } from "./memorialCard";
import { distanceTo, renderFieldAnswers, renderMemorialItem, visibleMemorials } from "./memorialList";
import { mapLabel } from "./memorialText";
import type { MemorialLinkArrival, MemorialsOptions } from "./mountMemorials";
import "../../styles/memorials.css";
// Its strings load with it.
import { translateMemorialFinder } from "../../i18n/messages.memorialFinder";

const UNKNOWN_MEMORIAL_NOTICE_ID = "memorial-unknown";
/** Room on the map's edges when fitting: the circle's label above, the zoom buttons on the right. */
const FIT_MARGIN = { top: 56, left: 24, right: 64, bottom: 24 };
/** Around an exact position, show this much. */
const EXACT_VIEW_METRES = 400;
/** Around the user, at least this much, so the dot has context. */
const USER_VIEW_METRES = 1500;

const LOCATE_MESSAGES = {
  denied: "locate.denied",
  unavailable: "locate.unavailable",
  timeout: "locate.timeout",
  unsupported: "locate.unsupported",
  insecure: "locate.insecure",
} as const;

function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === "function" && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
}

function union(a: [number, number, number, number], b: [number, number, number, number]): [number, number, number, number] {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

/**
 * The memorial finder in its tab's pane: a filter, a locate button and the six facilities; picking one flies there
 * and opens its card (`#memorial=<id>`). The locate button also answers, per restricting layer, whether the user
 * stands inside. A card opened in the store by someone else (a `#memorial=` link, see mountMemorials) is shown here;
 * `arrival` says whether that first link keeps its camera. Returns a function that unmounts it.
 */
export function mountMemorialFinder(options: MemorialsOptions, pane: HTMLElement, arrival: MemorialLinkArrival): () => void {
  const { store, dataPackage, sheet, adapter } = options;
  const shareEnvironment = options.share ?? browserShareEnvironment();
  const locate = options.locate ?? (() => locateUser());

  const layer = memorialLayerOf(dataPackage.manifest);
  const load = layer ? dataPackage.layers.get(layer.id) : undefined;
  const names = nameVocabulary(dataPackage);
  // English words through the manifest's declaration of the memorials' attributes (vocabulary, namesFrom).
  const englishWord = (key: string, value: string) => {
    const english = layer ? valueWord(attributeOf(layer, key), value, "en", names) : value;
    return english === value ? null : english;
  };
  const read = load?.type === "loaded" ? memorialsFromLayer(load.data, englishWord) : null;
  // Surveyed positions from imported official data, where a point names the memorial, replace the placeholders.
  const memorials: Memorial[] = read?.ok && layer ? withOfficialPositions(read.value, dataPackage, layer.id).memorials : [];
  const byId = new Map(memorials.map((memorial) => [memorial.id, memorial]));

  let notice: NoticeLoad = { type: "loading" };
  let report: FieldReport | null = null;
  let query = "";
  let lastOpenedFrom: string | null = null;
  /** True while this finder opens a card itself, so the store change is not taken for a link. */
  let openingHere = false;

  // List view: built once per language; its list and answers are refreshed in place.
  const heading = h("h2", { class: "memorial-heading" });
  const intro = h("p", { class: "memorial-intro" });
  const locateButton = h("button", { type: "button", class: "primary-button locate-button", "data-action": "locate" });
  const clearButton = h("button", { type: "button", class: "link-button locate-clear", "data-action": "locate-clear", hidden: true });
  const locateStatus = h("p", { class: "locate-status", role: "status", "aria-live": "polite", "data-locate-status": "" });
  // Outside the district (or too close to its edge to tell), said before the list sorted by distance.
  const districtNote = h("p", { class: "locate-status", role: "status", "data-district-standing": "", hidden: true });
  const filterInput = h("input", { type: "search", id: "memorial-filter", class: "memorial-filter", autocomplete: "off", enterkeyhint: "search" });
  // Labelled for screen readers; the placeholder says the same on screen, to keep the list high on a phone.
  const filterLabel = h("label", { class: "visually-hidden", for: "memorial-filter" });
  const sortedNote = h("p", { class: "memorial-sorted", hidden: true });
  const list = h("ul", { class: "memorial-list", "data-memorial-list": "" });
  const empty = h("p", { class: "memorial-empty", hidden: true });
  const answers = h("div", { class: "field-answers-slot" });
  const finder = h(
    "div",
    { class: "memorial-finder", "data-memorial-finder": "" },
    h("div", { class: "memorial-finder-head" }, heading, locateButton),
    intro,
    h("div", { class: "locate-row" }, locateStatus, clearButton),
    districtNote,
    filterLabel,
    filterInput,
    sortedNote,
    list,
    empty,
    answers,
  );
  const cardSlot = h("div", { class: "memorial-card-slot", hidden: true });
  pane.replaceChildren(finder, cardSlot);

  const language = (): Language => store.getState().language;

  const accuracyText = (location: UserLocation) => (location.type === "located" ? formatDistance(location.accuracyMetres) : "");

  const renderStatus = () => {
    const current = language();
    const location = store.getState().userLocation;
    locateButton.setAttribute("aria-busy", String(location.type === "locating"));
    locateButton.textContent = translateMemorialFinder(current, location.type === "locating" ? "locate.locating" : "locate.button");
    locateButton.setAttribute("aria-label", translateMemorialFinder(current, "locate.buttonLabel"));
    clearButton.hidden = location.type !== "located";
    clearButton.textContent = translateMemorialFinder(current, "locate.clear");
    locateStatus.classList.toggle("locate-status--error", location.type === "failed");
    locateStatus.textContent =
      location.type === "locating"
        ? translateMemorialFinder(current, "locate.locating")
        : location.type === "located"
          ? translateMemorialFinder(current, "locate.located", { accuracy: accuracyText(location) })
          : location.type === "failed"
            ? translateMemorialFinder(current, LOCATE_MESSAGES[location.reason])
            : "";
  };

  const renderList = () => {
    const current = language();
    if (!read?.ok) {
      setChildren(list);
      empty.hidden = false;
      empty.textContent = translateMemorialFinder(current, "memorials.layerFailed");
      return;
    }
    const shown = visibleMemorials(memorials, query, current, report);
    setChildren(
      list,
      shown.map((memorial) => renderMemorialItem(memorial, current, distanceTo(report, memorial.id), openFromList)),
    );
    empty.hidden = shown.length > 0;
    empty.textContent = shown.length > 0 ? "" : translateMemorialFinder(current, "memorials.noMatch", { query });
    sortedNote.hidden = report === null;
    sortedNote.textContent = translateMemorialFinder(current, "memorials.sortedByDistance");
    const location = store.getState().userLocation;
    const standing = report && location.type === "located" ? districtStanding(report) : null;
    districtNote.textContent = formatDistrictStanding(standing, current) ?? "";
    districtNote.hidden = districtNote.textContent === "";
    districtNote.dataset.districtStanding = standing?.type ?? "";
    setChildren(answers, report && location.type === "located" ? renderFieldAnswers(report, accuracyText(location), current, names) : null);
  };

  const renderFinderText = () => {
    const current = language();
    heading.textContent = translateMemorialFinder(current, "memorials.heading");
    intro.textContent =
      notice.type === "loaded"
        ? translateMemorialFinder(current, "memorials.intro", {
            title: current === "en" && notice.notice.titleEn ? notice.notice.titleEn : notice.notice.docNumber,
            count: memorials.length,
          })
        : "";
    intro.hidden = intro.textContent === "";
    filterLabel.textContent = translateMemorialFinder(current, "memorials.filterLabel");
    filterInput.placeholder = translateMemorialFinder(current, "memorials.filterLabel");
    list.setAttribute("aria-label", translateMemorialFinder(current, "memorials.listLabel"));
    renderStatus();
    renderList();
  };

  // Card view.
  let shareStatus: HTMLElement | null = null;
  let shareFallback: HTMLElement | null = null;
  let copiedTimer: ReturnType<typeof setTimeout> | undefined;

  const share = async (memorial: Memorial) => {
    const current = language();
    const url = memorialShareUrl(window.location.href, memorial.id, current);
    const docNumber = notice.type === "loaded" ? notice.notice.docNumber : "";
    const name = memorialName(memorial, current);
    const text = docNumber ? translateMemorialFinder(current, "memorials.shareText", { name, docNumber }) : name;
    const outcome = await shareLink({ title: name, text, url }, shareEnvironment);
    if (!shareStatus || !shareFallback) return;
    if (copiedTimer !== undefined) clearTimeout(copiedTimer);
    if (outcome === "copied") {
      shareStatus.textContent = translateMemorialFinder(current, "memorials.copied");
      const status = shareStatus;
      copiedTimer = setTimeout(() => (status.textContent = ""), 6000);
    } else if (outcome === "manual") {
      const field = h("input", {
        type: "text",
        class: "memorial-share-field",
        readonly: true,
        value: url,
        "aria-label": translateMemorialFinder(current, "memorials.shareLinkLabel"),
        "data-share-link": "",
      });
      setChildren(shareFallback, h("p", {}, translateMemorialFinder(current, "memorials.copyManually")), field);
      shareFallback.hidden = false;
      field.focus();
      field.select();
    }
  };

  const renderCard = (focusTitle: boolean) => {
    const card = store.getState().memorialCard;
    const memorial = card.type === "memorial" ? byId.get(card.memorialId) : undefined;
    if (!memorial) {
      cardSlot.hidden = true;
      cardSlot.replaceChildren();
      finder.hidden = false;
      shareStatus = shareFallback = null;
      return;
    }
    const switching = cardSlot.hidden || cardSlot.firstElementChild?.getAttribute("data-memorial-card") !== memorial.id;
    // A re-render (language, notice, distance) must not drop the reader's focus out of the card.
    const hadFocus = cardSlot.contains(document.activeElement);
    const rendered = renderMemorialCard({
      memorial,
      notice,
      language: language(),
      distance: distanceTo(report, memorial.id),
      onBack: () => closeCard(true),
      onShare: () => void share(memorial),
    });
    shareStatus = rendered.shareStatus;
    shareFallback = rendered.shareFallback;
    cardSlot.replaceChildren(rendered.element);
    cardSlot.hidden = false;
    finder.hidden = true;
    if (switching) pane.scrollTop = 0;
    if (focusTitle || hadFocus) rendered.title.focus({ preventScroll: true });
  };

  // Map: the focus circle (or ring) for the open card, the user's dot, and the camera.
  const fitPadding = () => ({ ...FIT_MARGIN, bottom: FIT_MARGIN.bottom + sheet.coveredHeight() });

  const showOnMap = (memorial: Memorial, moveCamera: boolean) => {
    const certainty = positionCertainty(memorial);
    adapter.setFocusMark({
      lngLat: memorial.lngLat,
      radiusMetres: certainty.type === "approximate" ? certainty.radiusMetres : null,
      label: mapLabel(memorial, language()),
    });
    if (!moveCamera) return;
    const radius = certainty.type === "approximate" ? certainty.radiusMetres : EXACT_VIEW_METRES;
    adapter.fitBounds(boundsAround(memorial.lngLat, radius), { animate: !prefersReducedMotion(), padding: fitPadding() });
  };

  const open = (memorial: Memorial, how: { focus: boolean; moveCamera: boolean }) => {
    // On a phone the card opens at half height, so the map above shows where the memorial is.
    sheet.show("memorials", { snap: "half" });
    openingHere = true;
    store.getState().openMemorial(memorial.id);
    openingHere = false;
    renderCard(how.focus);
    showOnMap(memorial, how.moveCamera);
  };

  function openFromList(memorial: Memorial) {
    lastOpenedFrom = memorial.id;
    open(memorial, { focus: true, moveCamera: true });
  }

  function closeCard(returnFocus: boolean) {
    store.getState().closeMemorial();
    if (!returnFocus) return;
    const item = lastOpenedFrom ? list.querySelector<HTMLButtonElement>(`[data-memorial-id="${CSS.escape(lastOpenedFrom)}"]`) : null;
    (item ?? filterInput).focus();
  }

  cardSlot.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || store.getState().memorialCard.type === "none") return;
    // Handled here: the sheet must not also collapse.
    event.preventDefault();
    closeCard(true);
  });

  // Locating. The report is computed once per fix, whoever asks first.
  let reportRequest: { location: UserLocation; done: Promise<void> } | null = null;
  const refreshReport = (): Promise<void> => {
    const location = store.getState().userLocation;
    if (reportRequest?.location === location) return reportRequest.done;
    const done = computeReport(location);
    reportRequest = { location, done };
    return done;
  };
  const computeReport = async (location: UserLocation) => {
    if (location.type !== "located") {
      report = null;
      renderList();
      return;
    }
    try {
      const { fieldReport } = await import("../../memorials/fieldReport");
      if (store.getState().userLocation !== location) return;
      report = fieldReport(dataPackage, memorials, location.lngLat, location.accuracyMetres);
    } catch (error) {
      report = null;
      locateStatus.textContent = `${translateMemorialFinder(language(), "locate.unavailable")} (${error instanceof Error ? error.message : String(error)})`;
    }
    renderList();
    if (store.getState().memorialCard.type === "memorial") renderCard(false);
  };

  const showUserOnMap = (location: UserLocation) => {
    if (location.type !== "located") return;
    let bounds = boundsAround(location.lngLat, Math.max(location.accuracyMetres, USER_VIEW_METRES));
    // With the user, the memorial whose card is open, or else the nearest one: where to go from here.
    const card = store.getState().memorialCard;
    const shown = card.type === "memorial" ? byId.get(card.memorialId) : undefined;
    const nearest = shown ?? byId.get(report?.distances[0]?.featureId ?? "");
    if (nearest) {
      const certainty = positionCertainty(nearest);
      bounds = union(bounds, boundsAround(nearest.lngLat, certainty.type === "approximate" ? certainty.radiusMetres : EXACT_VIEW_METRES));
    }
    adapter.fitBounds(bounds, { animate: !prefersReducedMotion(), padding: fitPadding() });
  };

  locateButton.addEventListener("click", async () => {
    if (store.getState().userLocation.type === "locating") return;
    store.getState().setUserLocation({ type: "locating" });
    const location = await locate();
    store.getState().setUserLocation(location);
    if (location.type === "located") {
      await refreshReport();
      showUserOnMap(location);
    }
  });
  clearButton.addEventListener("click", () => {
    store.getState().setUserLocation({ type: "none" });
    locateButton.focus();
  });
  filterInput.addEventListener("input", () => {
    query = filterInput.value;
    renderList();
  });

  // A card opened in the store from outside (a `#memorial=` link): shown, or refused when no such memorial exists.
  const showLinkedCard = (memorialId: string, moveCamera: boolean) => {
    const memorial = byId.get(memorialId);
    if (!memorial) {
      if (read?.ok)
        store.getState().showNotice({ id: UNKNOWN_MEMORIAL_NOTICE_ID, message: "memorials.unknownMemorial", params: { id: memorialId }, tone: "warning" });
      store.getState().closeMemorial();
      return;
    }
    open(memorial, { focus: false, moveCamera });
  };

  const unsubscribeStore = store.subscribe((state, previous) => {
    if (state.language !== previous.language) {
      renderFinderText();
      renderCard(false);
      const card = state.memorialCard;
      const memorial = card.type === "memorial" ? byId.get(card.memorialId) : undefined;
      if (memorial) showOnMap(memorial, false);
    }
    if (state.userLocation !== previous.userLocation) {
      renderStatus();
      const location = state.userLocation;
      adapter.setUserLocation(location.type === "located" ? { lngLat: location.lngLat, accuracyMetres: location.accuracyMetres } : null);
      if (location.type !== "locating") void refreshReport();
    }
    if (state.memorialCard !== previous.memorialCard) {
      const card = state.memorialCard;
      if (card.type === "none") {
        adapter.setFocusMark(null);
        renderCard(false);
      } else if (!openingHere) {
        showLinkedCard(card.memorialId, true);
      }
    }
  });

  renderFinderText();
  const linked = store.getState().memorialCard;
  if (linked.type === "memorial") showLinkedCard(linked.memorialId, !arrival.keepsCamera);

  if (layer && read?.ok) {
    const documentId = layer.sourceDocuments[0];
    if (documentId) {
      void loadMemorialNotice(options.dataBaseUrl, documentId).then((loaded) => {
        notice = loaded.ok ? { type: "loaded", notice: loaded.value } : { type: "failed", errors: loaded.errors };
        renderFinderText();
        if (store.getState().memorialCard.type === "memorial") renderCard(false);
      });
    } else {
      notice = { type: "failed", errors: [`layer '${layer.id}' names no source document`] };
    }
  }

  return () => {
    unsubscribeStore();
    if (copiedTimer !== undefined) clearTimeout(copiedTimer);
  };
}
