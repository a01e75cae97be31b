import type { Geometry } from "geojson";
import type { SketchKind, SketchShape } from "./sketchState";

export type { SketchKind, SketchShape };

export type SketchCommand = "undo" | "redo" | "finish" | "remove-last" | "clear";

/** What the sketch looks like after a change, for toolbars, live measures and drafts. */
export interface SketchChange {
  /** null: no sketch (cleared or stopped). */
  shape: SketchShape | null;
  canUndo: boolean;
  canRedo: boolean;
  canFinish: boolean;
  /** True while a vertex is being dragged: the shape changes on every move; react to the final one. */
  dragging: boolean;
}

/** A picture of the map canvas as drawn, with what a print layout needs to draw a scale bar and north arrow. */
export interface MapSnapshot {
  /** PNG data URL of the WebGL canvas (HTML labels and controls are not in it). */
  dataUrl: string;
  /** The canvas size in CSS pixels (the image may have more device pixels). */
  width: number;
  height: number;
  /** Ground metres per CSS pixel at the map centre. */
  metresPerPixel: number;
  /** Degrees clockwise from north of the map's up direction. */
  bearing: number;
}

/** What the map offers for drawing a site and showing the checked parcel (part of `MapAdapter`). */
export interface SketchMethods {
  /** Starts a new sketch; until it is finished, clicks on the map add vertices instead of selecting features. */
  startSketch(kind: SketchKind): void;
  /** Replaces the sketch (a saved draft, a drawn parcel reopened for editing); null removes it. */
  setSketch(shape: SketchShape | null): void;
  sketchCommand(command: SketchCommand): void;
  /** Removes the sketch and gives clicks back to feature selection. */
  stopSketch(): void;
  onSketchChange(listener: (change: SketchChange) => void): () => void;
  /** Draws the checked parcel (WGS-84) above the data layers; null removes it. */
  showParcel(geometry: Geometry | null): void;
  /** Fits the camera to a geometry (a point at street-block scale); the move is tagged as the app's. */
  fitGeometry(geometry: Geometry, options?: { animate?: boolean; padding?: { top: number; bottom: number; left: number; right: number } }): void;
  /** The canvas as a PNG, captured in the frame it is drawn. */
  snapshot(): Promise<MapSnapshot>;
}
