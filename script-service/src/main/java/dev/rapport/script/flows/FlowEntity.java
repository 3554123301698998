package dev.rapport.script.flows;

import dev.rapport.platform.drafts.NamedDocument;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** An inbound flow's row: its draft, and which published version is live ({@link NamedDocument}). */
@Entity
@Table(name = "inbound_flow")
public class FlowEntity extends NamedDocument {
}
