import { parcelName } from "../../i18n/defaultParcelName";
import { LANGUAGES, type MessageKey } from "../../i18n/messages";
import { translate, type MessageParams } from "../../i18n/translate";
import { siteQueryOf } from "../../state/parcelSlice";
import type { ParcelStorage, SavedSiteQuery } from "../../state/parcelStorage";
import type { AppStore } from "../../state/store";
import { h, setChildren } from "../dom";
import { createWorkspaceSection } from "../workspace/workspaceSection";
import type { SiteCheckController } from "./siteCheckController";

const DRAFT_COUNT_DELAY_MS = 1000;

/**
 * Saved parcels: name and save the current one, reopen (re-checked against today's data) or delete; below them the
 * workspace block, which exports and imports everything this browser keeps.
 */
export function mountSavedView(container: HTMLElement, store: AppStore, storage: ParcelStorage, controller: SiteCheckController, onOpen: () => void): void {
  const t = (key: MessageKey, params?: MessageParams) => translate(store.getState().language, key, params);
  const body = h("div", { class: "site-saved-body" });
  const workspace = createWorkspaceSection(store);
  container.append(body, workspace.element);
  let saved: SavedSiteQuery[] = [];
  let unavailable = false;
  let nameDraft: { forParcel: unknown; value: string } = { forParcel: null, value: "" };

  const refresh = async () => {
    const result = await storage.list();
    if (result.ok) {
      saved = result.value;
      unavailable = false;
    } else {
      unavailable = true;
      controller.storageFailed(result);
    }
    render();
    workspace.refresh();
  };

  const save = async (name: string) => {
    const query = siteQueryOf(store.getState());
    if (!query) return;
    // The default name as offered, unchanged, is saved as the default name, so it shows in either language later.
    const typed = name.trim();
    const result = await storage.save(
      query,
      typed === "" || LANGUAGES.some((language) => typed === parcelName(query.parcel.name, language)) ? query.parcel.name : typed,
    );
    if (!result.ok) {
      controller.storageFailed(result);
      return;
    }
    store
      .getState()
      .showNotice({ id: "site-saved", message: "notice.siteSaved", params: { name: parcelName(result.value.name, store.getState().language) }, tone: "info" });
    await refresh();
  };

  const render = () => {
    const state = store.getState();
    const { language } = state;
    const parcel = state.siteParcel;
    if (nameDraft.forParcel !== parcel) nameDraft = { forParcel: parcel, value: parcel ? parcelName(parcel.name, language) : "" };
    const nameInput = h("input", { type: "text", id: "site-save-name", class: "token-input", maxlength: "120", "data-site-save-name": "" });
    nameInput.value = nameDraft.value;
    nameInput.addEventListener("input", () => {
      nameDraft.value = nameInput.value;
    });
    const form = parcel
      ? h(
          "form",
          {
            class: "site-save-form",
            onsubmit: (event: Event) => {
              event.preventDefault();
              void save(nameInput.value);
            },
          },
          h("label", { class: "field-label", for: "site-save-name" }, t("site.saved.name")),
          h(
            "div",
            { class: "site-save-row" },
            nameInput,
            h("button", { type: "submit", class: "primary-button", "data-site-action": "save" }, t("site.saved.save")),
          ),
        )
      : null;
    const dateFormat = new Intl.DateTimeFormat(language === "zh" ? "zh-CN" : "en-GB", { dateStyle: "medium", timeStyle: "short" });
    setChildren(
      body,
      h("h3", { class: "site-heading" }, t("site.saved.heading")),
      form,
      unavailable ? h("p", { class: "site-error" }, t("site.saved.unavailable")) : null,
      saved.length === 0 && !unavailable ? h("p", { class: "site-muted" }, t("site.saved.empty")) : null,
      saved.length > 0
        ? h(
            "ul",
            { class: "site-saved-list", "data-site-saved": "" },
            saved.map((record) =>
              h(
                "li",
                { class: "site-saved-item", "data-saved-id": record.id },
                h("span", { class: "site-saved-name", dir: "auto" }, parcelName(record.name, store.getState().language)),
                h("span", { class: "site-muted" }, t("site.saved.savedAt", { date: dateFormat.format(new Date(record.savedAt)) })),
                h(
                  "span",
                  { class: "site-saved-buttons" },
                  h(
                    "button",
                    {
                      type: "button",
                      class: "secondary-button",
                      "data-saved-open": record.id,
                      onclick: () => {
                        void controller.restore(record, { fit: true });
                        onOpen();
                      },
                    },
                    t("site.saved.open"),
                  ),
                  h(
                    "button",
                    {
                      type: "button",
                      class: "link-button",
                      "data-saved-delete": record.id,
                      "aria-label": t("site.saved.deleteLabel", { name: parcelName(record.name, store.getState().language) }),
                      onclick: async () => {
                        const result = await storage.remove(record.id);
                        if (!result.ok) controller.storageFailed(result);
                        await refresh();
                      },
                    },
                    t("site.saved.delete"),
                  ),
                ),
              ),
            ),
          )
        : null,
      h("p", { class: "panel-hint" }, t("site.saved.local")),
    );
  };

  render();
  void refresh();
  let draftCount: ReturnType<typeof setTimeout> | undefined;
  store.subscribe((state, previous) => {
    if (state.language !== previous.language || state.siteParcel !== previous.siteParcel) render();
    if (state.siteParcel !== previous.siteParcel) {
      // The draft is written a moment after the parcel changes (siteCheckController); count it once it is there.
      if (draftCount !== undefined) clearTimeout(draftCount);
      draftCount = setTimeout(workspace.refresh, DRAFT_COUNT_DELAY_MS);
    }
  });
}
