package io.bedside.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import io.bedside.shared.Actor;

/** A request authenticated by an API token: the principal is the {@link Actor}. */
public class ActorAuthentication extends AbstractAuthenticationToken {

    private final Actor actor;
    private final UUID tokenId;

    public ActorAuthentication(Actor actor, UUID tokenId) {
        super(authorities(actor));
        this.actor = actor;
        this.tokenId = tokenId;
        setAuthenticated(true);
    }

    /** The token that authenticated the request, so that it can revoke itself. */
    public UUID tokenId() {
        return tokenId;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Actor getPrincipal() {
        return actor;
    }

    @Override
    public String getName() {
        return actor.userId().toString();
    }

    private static List<GrantedAuthority> authorities(Actor actor) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_" + actor.kind().name()));
        actor.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name())));
        return authorities;
    }
}
