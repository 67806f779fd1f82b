package io.kumo.common.contract;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names a contract record on the wire. Adding a field is compatible; renaming or removing one is a
 * new version, so consumers can tell old messages from new ones.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface MessageType {

    String name();

    int version() default 1;
}
