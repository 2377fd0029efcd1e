/** Small value records shared by events of several contexts. */
package io.skillwise.events.common;
