package dev.rapport.action.integrations;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "integration")
public class Integration extends PanacheEntityBase {
    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Column(name = "integration_type", nullable = false)
    public String integrationType;

    @Column(name = "credential_type")
    public String credentialType;

    /** Names of the credential fields only; their values are in the ciphertext. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "credential_fields")
    public List<String> credentialFields;

    @Column(name = "credential_ciphertext")
    public byte[] credentialCiphertext;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
