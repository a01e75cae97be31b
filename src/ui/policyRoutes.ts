import type { MessageKey } from "../i18n/messages";
import type { FeatureLookup } from "../layers/featureLookup";
import type { AppRoute, AppRouter } from "../state/appRouter";
import { documentLinkCodec, documentLinkOf, featureLinkCodec, featureLinkOf, type DocumentLink, type FeatureLink } from "../state/policyLinks";
import { featureSelection } from "../state/selection";
import type { AppStore } from "../state/store";
import type { PolicyNavigator } from "./policyNavigator";

const LINK_NOTICE_ID = "policy-link";

/**
 * `#feature=` (the selection) and `#doc=&clause=` (the open reader) as routes. A link to something that does not
 * exist says so in a notice and leaves the state as it was, so the router drops it from the address.
 */
export function registerPolicyRoutes(router: AppRouter, store: AppStore, lookup: FeatureLookup, navigator: PolicyNavigator): void {
  const notice = (message: MessageKey, params: Record<string, string>) => {
    const state = store.getState();
    state.dismissNotice(LINK_NOTICE_ID);
    state.showNotice({ id: LINK_NOTICE_ID, message, params, tone: "warning" });
  };

  const featureRoute: AppRoute<FeatureLink> = {
    name: "feature",
    codec: featureLinkCodec,
    fromState: (state) => featureLinkOf(state.selection),
    apply: (link, arrival) => {
      const state = store.getState();
      if (link.type === "none") {
        state.clearSelection();
      } else if (link.type === "malformed") {
        notice("notice.linkFeatureMalformed", { value: link.value });
        state.clearSelection();
      } else if (!lookup.feature(link.layerId, link.featureId)) {
        notice("notice.linkFeatureUnknown", { id: `${link.layerId}/${link.featureId}` });
        state.clearSelection();
      } else {
        state.setLayerVisible(link.layerId, true);
        state.select(featureSelection(link.layerId, link.featureId));
        // A link with a camera of its own keeps it; the page's first link flies once the map is idle (src/main.ts).
        if (!arrival.initial && !arrival.parameters.has("v")) navigator.flyToFeature(link.layerId, link.featureId);
      }
    },
  };

  const documentRoute: AppRoute<DocumentLink> = {
    name: "document",
    codec: documentLinkCodec,
    fromState: (state) => documentLinkOf(state.reader),
    apply: (link, arrival) => {
      if (link.type === "document") navigator.openClause(link.documentId, link.clauseId);
      else if (link.type === "malformed") notice("notice.linkDocumentMalformed", { value: link.value });
      else if (!arrival.initial) store.getState().closeReader();
    },
  };

  router.register(featureRoute);
  router.register(documentRoute);
}

/**
 * Links into the reader drawn in reports (`a[data-reader-link="<documentId>#<clauseId>"]`) open it through the
 * store, keeping the rest of the state; a click with a modifier key still opens the link's own address elsewhere.
 */
export function followReaderLinks(root: HTMLElement, navigator: PolicyNavigator): () => void {
  const onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.target instanceof Element ? event.target.closest("a[data-reader-link]") : null;
    const citation = link?.getAttribute("data-reader-link");
    if (!citation) return;
    const [documentId = "", clauseId = ""] = citation.split("#");
    if (documentId === "") return;
    event.preventDefault();
    navigator.openClause(documentId, clauseId === "" ? null : clauseId);
  };
  root.addEventListener("click", onClick);
  return () => root.removeEventListener("click", onClick);
}
