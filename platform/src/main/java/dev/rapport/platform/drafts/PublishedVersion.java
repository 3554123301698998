package dev.rapport.platform.drafts;

/** A published version of a {@link DraftedDocument}: written once, never changed. */
public interface PublishedVersion {
    /** 1, 2, 3… per document, in the order of publishing. */
    int number();

    /** The version as the document's draft JSON: what restoring it into the draft copies back. */
    String draft();
}
