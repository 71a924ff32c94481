/** Shared plumbing every module may use: process roles, the process's own base URL, the data folder, API errors, the address policy for outbound HTTP and multi-row inserts. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.imagepipe.common;
