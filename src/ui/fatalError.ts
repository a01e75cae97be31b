import type { Language } from "../i18n/messages";
import { translate } from "../i18n/translate";
import type { AppStore } from "../state/store";
import { applyDocumentLanguage, createLanguageButton } from "./appShell";
import { h, setChildren } from "./dom";

export type FatalProblem = { type: "manifest"; errors: string[] } | { type: "webgl"; detail: string };

/** A full-page message for when there can be no map: a broken manifest or no WebGL. */
export function showFatalError(store: AppStore, mountPoint: HTMLElement, problem: FatalProblem): void {
  const title = h("h1", { class: "app-title" });
  const message = h("section", { class: "fatal-message", role: "alert", "data-fatal": problem.type });
  const render = (language: Language) => {
    applyDocumentLanguage(language);
    title.textContent = translate(language, "app.title");
    const errors = problem.type === "manifest" ? problem.errors : [problem.detail];
    setChildren(
      message,
      h("h2", {}, translate(language, problem.type === "manifest" ? "fatal.heading" : "fatal.webglHeading")),
      h("p", {}, translate(language, problem.type === "manifest" ? "fatal.intro" : "fatal.webglIntro")),
      h(
        "ul",
        { class: "fatal-errors" },
        errors.map((error) => h("li", {}, error)),
      ),
      h("button", { type: "button", class: "primary-button", onclick: () => location.reload() }, translate(language, "fatal.retry")),
    );
  };
  render(store.getState().language);
  store.subscribe((state, previous) => {
    if (state.language !== previous.language) render(state.language);
  });
  mountPoint.replaceChildren(
    h(
      "div",
      { class: "app app--fatal" },
      h("header", { class: "app-header" }, title, h("div", { class: "header-actions" }, createLanguageButton(store))),
      h("main", { class: "fatal-page" }, message),
    ),
  );
}
