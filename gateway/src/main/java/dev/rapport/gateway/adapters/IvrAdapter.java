package dev.rapport.gateway.adapters;

/**
 * The one shape of every IVR adapter: a platform's request, authenticated and read into its typed form {@code R},
 * becomes Rapport's interaction events and the answer the platform expects ({@link Translation}). Adapters keep no
 * state: what a platform sends twice gets the same event ids ({@link EventIds}).
 */
public interface IvrAdapter<R> {

    /** @throws dev.rapport.contract.InvalidEventException naming the platform's field when a required one is missing */
    Translation translate(R request);
}
