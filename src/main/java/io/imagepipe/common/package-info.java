/** Shared plumbing every module may use: process roles, the process's own base URL, the data folder and API errors. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.imagepipe.common;
