import type { MessageKey } from "../i18n/messages";
import type { FeatureLookup } from "../layers/featureLookup";
import { readPolicyLinks, withDocumentLink, withFeatureLink, type PolicyLinks } from "../state/policyLinks";
import { featureSelection, isSameSelection } from "../state/selection";
import type { AppStore } from "../state/store";
import type { HashLocation } from "../state/syncUrlHash";
import { parseHash } from "../state/urlHash";
import type { PolicyNavigator } from "./policyNavigator";

const LINK_NOTICE_ID = "policy-link";

/**
 * `#feature=` and `#doc=&clause=` links: opened on load and on every hashchange, and written back whenever a
 * feature or a clause is opened, beside the view state (which `syncStoreWithHash` keeps). A link to something
 * that does not exist says so in a notice and is dropped from the address.
 *
 * Call after `syncStoreWithHash`, so a hashchange has restored the view (and `feature=`'s selection) first.
 */
export function syncPolicyLinks(store: AppStore, location: HashLocation, lookup: FeatureLookup, navigator: PolicyNavigator): () => void {
  const notice = (message: MessageKey, params: Record<string, string>) => {
    const state = store.getState();
    state.dismissNotice(LINK_NOTICE_ID);
    state.showNotice({ id: LINK_NOTICE_ID, message, params, tone: "warning" });
  };
  const drop = (keys: Array<"feature" | "document">) => {
    let hash = location.readHash();
    if (keys.includes("feature")) hash = withFeatureLink(hash, { type: "none" });
    if (keys.includes("document")) hash = withDocumentLink(hash, { type: "closed" });
    if (hash !== location.readHash()) location.replaceHash(hash);
  };

  const follow = (links: PolicyLinks, hasCamera: boolean, initial: boolean) => {
    const { feature, document } = links;
    if (feature.type === "feature") {
      if (lookup.feature(feature.layerId, feature.featureId)) {
        // The selection itself comes from the hash sync; show its layer, and fly when the link has no camera of its own.
        store.getState().setLayerVisible(feature.layerId, true);
        if (!hasCamera && !initial) navigator.flyToFeature(feature.layerId, feature.featureId);
      } else {
        notice("notice.linkFeatureUnknown", { id: `${feature.layerId}/${feature.featureId}` });
        drop(["feature"]);
      }
    } else if (feature.type === "malformed") {
      notice("notice.linkFeatureMalformed", { value: feature.value });
      drop(["feature"]);
    }
    if (document.type === "document") {
      const reader = store.getState().reader;
      const same = reader.type === "open" && reader.documentId === document.documentId && reader.clauseId === document.clauseId;
      if (!same) navigator.openClause(document.documentId, document.clauseId);
    } else if (document.type === "malformed") {
      notice("notice.linkDocumentMalformed", { value: document.value });
      drop(["document"]);
    } else if (!initial) {
      store.getState().closeReader();
    }
  };

  const hashHasCamera = (hash: string) => parseHash(hash).state.camera !== undefined;
  const initialHash = location.readHash();
  follow(readPolicyLinks(initialHash), hashHasCamera(initialHash), true);

  const stopHash = location.onHashChange(() => {
    const hash = location.readHash();
    follow(readPolicyLinks(hash), hashHasCamera(hash), false);
  });
  const stopStore = store.subscribe((state, previous) => {
    if (state.selection === previous.selection && state.reader === previous.reader) return;
    let hash = location.readHash();
    // A feature link naming something other than the previous selection arrived with a hashchange still being
    // handled (an unknown feature clears the selection): leave it for `follow` to report.
    const link = readPolicyLinks(hash).feature;
    const linkWasCurrent =
      link.type === "none" ||
      (link.type === "feature" && isSameSelection(previous.selection, featureSelection(link.layerId, link.featureId)));
    if (state.selection !== previous.selection && (linkWasCurrent || state.selection.type === "feature")) {
      hash = withFeatureLink(hash, state.selection);
    }
    if (state.reader !== previous.reader) hash = withDocumentLink(hash, state.reader);
    if (hash !== location.readHash()) location.replaceHash(hash);
  });
  return () => {
    stopHash();
    stopStore();
  };
}
