package dev.rapport.script.scripts;

import dev.rapport.platform.drafts.NamedDocument;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A script's row: its draft as JSON in Rapport's format, and which published version is current ({@link NamedDocument}). */
@Entity
@Table(name = "script")
public class ScriptEntity extends NamedDocument {
}
