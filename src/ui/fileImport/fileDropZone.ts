import { IMPORT_ACCEPT } from "../../import/supportedExtensions";
import { h } from "../dom";
import "./fileImport.css";

export interface FileDropZoneOptions {
  /** Names the controls (`#<name>-file`, `data-<name>-file`, `data-<name>-drop`), so each form's own are found. */
  name: string;
  onFile(file: File): void;
}

export interface FileDropZone {
  element: HTMLLabelElement;
  /** What the zone says: the invitation to drop, or the name of the file chosen. */
  setText(text: string): void;
}

/**
 * A drop zone in the page's language around a hidden file picker that accepts what the format registry reads
 * (instead of the browser's own "Choose File" button). The same file can be chosen again after a failed read.
 */
export function fileDropZone({ name, onFile }: FileDropZoneOptions): FileDropZone {
  const input = h("input", { id: `${name}-file`, type: "file", class: "file-import-input", accept: IMPORT_ACCEPT, [`data-${name}-file`]: "" });
  const text = h("span", { class: "file-import-drop-text" });
  const element = h("label", { class: "file-import-drop", for: `${name}-file`, [`data-${name}-drop`]: "" }, input, text);
  input.addEventListener("change", () => {
    const file = input.files?.[0];
    input.value = "";
    if (file) onFile(file);
  });
  for (const type of ["dragenter", "dragover"]) {
    element.addEventListener(type, (event) => {
      event.preventDefault();
      element.classList.add("file-import-drop--over");
    });
  }
  element.addEventListener("dragleave", () => element.classList.remove("file-import-drop--over"));
  element.addEventListener("drop", (event) => {
    event.preventDefault();
    element.classList.remove("file-import-drop--over");
    const file = event.dataTransfer?.files[0];
    if (file) onFile(file);
  });
  return {
    element,
    setText: (next) => {
      text.textContent = next;
    },
  };
}
