const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

function isShown(element: HTMLElement): boolean {
  return element.isConnected && element.getClientRects().length > 0 && !element.closest("[hidden], [inert]");
}

/** The attributes that name what an element is for (`data-*`), as a selector for the element drawn in its place. */
function identitySelector(element: HTMLElement): string | null {
  const parts = [...element.attributes]
    .filter((attribute) => attribute.name.startsWith("data-"))
    .map((attribute) => `[${attribute.name}="${CSS.escape(attribute.value)}"]`);
  return parts.length > 0 ? `${element.localName}${parts.join("")}` : null;
}

/**
 * Keeps keyboard focus off the page body. Views redraw their content, and a focused element that is removed
 * leaves focus on `<body>`: the next Tab starts again at the top of the page (WCAG 2.4.3). When that happens,
 * focus moves to the element drawn in its place (same tag and `data-*` attributes) or else into the nearest
 * part of the page that is still there: its first control, or the part itself.
 */
export function rescueFocusFromBody(root: HTMLElement): () => void {
  let lost: { element: HTMLElement; ancestors: HTMLElement[] } | null = null;

  const remember = (event: FocusEvent) => {
    const element = event.target;
    if (!(element instanceof HTMLElement) || !root.contains(element)) return;
    const ancestors: HTMLElement[] = [];
    for (let node = element.parentElement; node && node !== root; node = node.parentElement) ancestors.push(node);
    lost = { element, ancestors };
  };

  const rescue = () => {
    if (!lost || lost.element.isConnected) return;
    const active = document.activeElement;
    if (active && active !== document.body && active !== document.documentElement) return;
    const { element, ancestors } = lost;
    const place = ancestors.find((ancestor) => root.contains(ancestor) && isShown(ancestor));
    if (!place) return;
    const selector = identitySelector(element);
    const replacement = selector ? [...place.querySelectorAll<HTMLElement>(selector)].find(isShown) : undefined;
    const target = replacement ?? [...place.querySelectorAll<HTMLElement>(FOCUSABLE)].find(isShown) ?? place;
    if (target === place && !place.hasAttribute("tabindex")) place.tabIndex = -1;
    target.focus({ preventScroll: true });
  };

  document.addEventListener("focusin", remember);
  const observer = new MutationObserver(rescue);
  observer.observe(root, { childList: true, subtree: true });
  return () => {
    document.removeEventListener("focusin", remember);
    observer.disconnect();
  };
}
