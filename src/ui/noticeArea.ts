import { translate } from "../i18n/translate";
import type { AppStore } from "../state/store";
import { h, setChildren } from "./dom";

/** Renders the store's notices into the `role="status"` region, each with a dismiss button; one with an action is a button. */
export function mountNotices(store: AppStore, region: HTMLElement): () => void {
  const render = () => {
    const { notices, language } = store.getState();
    setChildren(
      region,
      notices.map((notice) =>
        h(
          "div",
          { class: `notice notice--${notice.tone}`, "data-notice": notice.id },
          notice.onSelect
            ? h(
                "button",
                { type: "button", class: "notice-text notice-action", "data-notice-action": notice.id, onclick: notice.onSelect },
                translate(language, notice.message, notice.params),
              )
            : h("span", { class: "notice-text" }, translate(language, notice.message, notice.params)),
          h(
            "button",
            {
              type: "button",
              class: "notice-dismiss",
              "aria-label": translate(language, "notice.dismiss"),
              onclick: () => store.getState().dismissNotice(notice.id),
            },
            "×",
          ),
        ),
      ),
    );
  };
  render();
  return store.subscribe((state, previous) => {
    if (state.notices !== previous.notices || state.language !== previous.language) render();
  });
}
