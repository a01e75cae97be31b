type AttributeValue = string | number | boolean | null | undefined;
type Listener = (event: Event) => void;

export type Attributes = Record<string, AttributeValue | Listener>;

export type Child = Node | string | number | null | undefined | false | readonly Child[];

function append(parent: Node, child: Child): void {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) {
    for (const item of child) append(parent, item);
    return;
  }
  // Strings always become text nodes: data is never parsed as markup.
  parent.appendChild(typeof child === "object" ? (child as Node) : document.createTextNode(String(child)));
}

/**
 * Creates an element: `on…` function attributes become listeners, `true` a bare attribute, `false`/null/undefined
 * nothing; every other value is set as an attribute and every string child as text.
 */
export function h<Tag extends keyof HTMLElementTagNameMap>(tag: Tag, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[Tag] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value === "function") {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (value === true) {
      element.setAttribute(name, "");
    } else if (value !== false && value !== null && value !== undefined) {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

/** Replaces an element's children with new ones. */
export function setChildren(element: Element, ...children: Child[]): void {
  element.replaceChildren();
  append(element, children);
}
