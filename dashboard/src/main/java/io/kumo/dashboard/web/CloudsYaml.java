package io.kumo.dashboard.web;

import io.kumo.dashboard.cloud.AppCredential;
import io.kumo.dashboard.cloud.CloudSession;

/** The {@code clouds.yaml} entry that lets openstack CLI, openstacksdk or Terraform use a credential. */
final class CloudsYaml {

    private CloudsYaml() {
    }

    static String forCredential(CloudSession session, AppCredential credential) {
        String authUrl = session.endpoints().getOrDefault("identity", "");
        return """
                clouds:
                  kumo-%s:
                    auth_type: v3applicationcredential
                    auth:
                      auth_url: %s
                      application_credential_id: "%s"
                      application_credential_secret: "%s"
                    identity_api_version: 3
                    interface: public
                """.formatted(credential.name().replaceAll("[^A-Za-z0-9_.-]", "-"), authUrl, credential.id(),
                credential.secret());
    }
}
