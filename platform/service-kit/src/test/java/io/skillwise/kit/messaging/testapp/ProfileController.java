package io.skillwise.kit.messaging.testapp;

import io.skillwise.kit.security.CurrentUser;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
class ProfileController {

    private final Profiles profiles;
    private final MongoProfiles mongoProfiles;

    ProfileController(Profiles profiles, MongoProfiles mongoProfiles) {
        this.profiles = profiles;
        this.mongoProfiles = mongoProfiles;
    }

    record RenameRequest(String displayName) {
    }

    record RenameResponse(UUID id, long revision) {
    }

    @PutMapping("/profiles/{id}")
    RenameResponse rename(@PathVariable UUID id, @RequestBody RenameRequest request) {
        return new RenameResponse(id, profiles.rename(id, request.displayName(), CurrentUser.require().id()));
    }

    @PutMapping("/mongo-profiles/{id}")
    RenameResponse renameInMongo(@PathVariable UUID id, @RequestBody RenameRequest request) {
        return new RenameResponse(id, mongoProfiles.rename(id, request.displayName(), CurrentUser.require().id()));
    }
}
