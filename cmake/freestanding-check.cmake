# SPDX-License-Identifier: MIT
# Compiles every core/ and platform/avr32 source freestanding for a 32-bit big-endian target:
# only <stdint.h>, <stddef.h>, <stdbool.h> and core's own headers may be used.
# cmake -DCC=powerpc-linux-gnu-gcc -DSRC=<source dir> -DOUT=<dir> -P freestanding-check.cmake
file(GLOB sources ${SRC}/core/*.c ${SRC}/core/ops/*.c ${SRC}/core/ui/*.c ${SRC}/platform/avr32/*.c)
file(MAKE_DIRECTORY ${OUT}/include)
# an include directory holding only the three allowed compiler headers
execute_process(COMMAND ${CC} -print-file-name=include OUTPUT_VARIABLE gccinc
                OUTPUT_STRIP_TRAILING_WHITESPACE)
foreach(h stdint.h stdint-gcc.h stddef.h stdbool.h)
  file(COPY_FILE ${gccinc}/${h} ${OUT}/include/${h})
endforeach()
set(failed 0)
foreach(src ${sources})
  get_filename_component(name ${src} NAME_WE)
  foreach(debug 0 1)
    execute_process(
      COMMAND ${CC} -std=c11 -ffreestanding -fno-builtin -nostdlib -nostdinc
              -isystem ${OUT}/include -I${SRC}/core -I${SRC}/core/ops -I${SRC}/core/ui -I${GEN}
              -DPOOL_DEBUG=${debug} -O2 -Wall -Wextra -Werror -c ${src} -o ${OUT}/${name}_${debug}.o
      RESULT_VARIABLE rc ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
      message(SEND_ERROR "freestanding compile failed: ${src} (POOL_DEBUG=${debug})\n${err}")
      set(failed 1)
    endif()
  endforeach()
endforeach()
list(LENGTH sources n)
if(failed)
  message(FATAL_ERROR "core/ is not freestanding-clean")
endif()
message(STATUS "freestanding: ${n} sources compiled for powerpc (32-bit big-endian), debug and release")
