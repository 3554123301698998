// What the parts of one open designer share beyond their props, owned by that designer (not by the module, so two
// designers, or a designer opened again, never see each other's state).
import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { signal } from '@preact/signals';
import { api } from '../../api.js';

export const DesignerSession = createContext(null);

// The drag data's types: a new component from the palette, or a move of one on the canvas.
export const NEW_TYPE = 'application/x-rapport-component';
export const MOVE_ID = 'application/x-rapport-move';

export function designerSession() {
  let published = null;
  return {
    // What is being dragged onto or within the canvas: { type } from the palette, { id } for a move, or nulls.
    // The drop target needs it during dragover, when dataTransfer cannot be read.
    dragging: signal({ type: null, id: null }),
    // The published data actions, fetched once and shared by every Execute data action step; fetched again after
    // a failure.
    publishedActions() {
      if (!published) {
        published = api('/api/v2/integrations/actions?pageSize=500')
          .then((r) => (r.entities || []).map((a) => ({ id: a.id, name: a.name, category: a.category, contract: a.contract })))
          .catch((e) => {
            published = null;
            throw e;
          });
      }
      return published;
    },
  };
}

export function useDesignerSession() {
  return useContext(DesignerSession);
}

/** { list, error }: the published data actions (list null while loading). */
export function usePublishedActions() {
  const session = useDesignerSession();
  const [state, setState] = useState({ list: null, error: null });
  useEffect(() => {
    let live = true;
    session.publishedActions().then((list) => live && setState({ list, error: null }))
      .catch((e) => live && setState({ list: [], error: e.message }));
    return () => { live = false; };
  }, []);
  return state;
}
