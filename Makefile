# Build and install prosegraph (README.md, "Install").
#
#   make                     release build, man page and shell completions
#   sudo make install        into /usr/local (PREFIX), DESTDIR for staged installs
#   sudo make uninstall      removes exactly what install put there
#
# Variables:
#   PREFIX         where to install (default /usr/local)
#   DESTDIR        prepended to every installed path (packaging, staged installs)
#   CONFIGURATION  release (default) or debug: which build is installed
#   SCRATCH        SwiftPM's build folder (default .build): with CONFIGURATION,
#                  `make install CONFIGURATION=debug` installs the debug build
#                  `swift build` made, without a release build
#   MANDATE        the man page's date, yyyy-mm-dd (default: the last commit's)
#
# The man page comes from swift-argument-parser's generate-manual plugin and
# the completion scripts from `prosegraph --generate-completion-script`, so
# both describe the binary that is installed. The version on the man page is
# what `prosegraph --version` prints (one constant, in
# Sources/prosegraph/ProseGraphCommand.swift).
#
# The binary reads its extraction rules and gazetteer from the resource
# bundle next to it (SwiftPM's Bundle.module), so the bundle is installed in
# the same folder. `install` does not build when the build is current, so
# `make && sudo make install` compiles as the user only.

PREFIX ?= /usr/local
DESTDIR ?=
CONFIGURATION ?= release
SCRATCH ?= .build
SWIFT ?= swift
INSTALL ?= install
MANDATE ?= $(shell git log -1 --format=%cs 2>/dev/null)

BINDIR = $(PREFIX)/bin
MAN1DIR = $(PREFIX)/share/man/man1
BASHDIR = $(PREFIX)/share/bash-completion/completions
ZSHDIR = $(PREFIX)/share/zsh/site-functions
FISHDIR = $(PREFIX)/share/fish/vendor_completions.d

BUILT = $(SCRATCH)/$(CONFIGURATION)
BIN = $(BUILT)/prosegraph
# The resource bundles of the targets the binary links (SwiftPM names them
# PACKAGE_TARGET.resources on Linux, .bundle on Apple platforms). Add one here
# when another of those targets gets resources.
BUNDLE_EXT = $(if $(filter Darwin,$(shell uname -s)),bundle,resources)
BUNDLES = prosegraph_ProseGraphExtraction.$(BUNDLE_EXT)
# Generated for installation, beside the build.
GEN = $(SCRATCH)/install/$(CONFIGURATION)
MANPAGE = $(GEN)/prosegraph.1
COMPLETIONS = $(GEN)/prosegraph.bash $(GEN)/_prosegraph $(GEN)/prosegraph.fish
SOURCES = Package.swift $(shell find Sources -type f 2>/dev/null)

.PHONY: all build install uninstall clean-install-files FORCE
all: build

build: $(BIN) $(MANPAGE) $(COMPLETIONS)

$(BIN): $(SOURCES)
	$(SWIFT) build -c $(CONFIGURATION) --product prosegraph --scratch-path $(SCRATCH)
	@touch $@

# generate-manual writes mdoc(7) to the plugin's work folder. Two fixes on the
# way: `.Os` carries the name and version (the page's footer), and blank lines
# become `.Pp`, which mdoc wants (man warns about each blank line otherwise).
$(MANPAGE): $(BIN) $(GEN)/mandate
	$(SWIFT) package --scratch-path $(SCRATCH) plugin generate-manual \
	  --configuration $(CONFIGURATION) $(if $(MANDATE),--date $(MANDATE))
	sed -e 's/^\.Os$$/.Os prosegraph '"$$($(BIN) --version)"'/' -e 's/^$$/.Pp/' \
	  $(SCRATCH)/plugins/GenerateManual/outputs/prosegraph/prosegraph.1 > $@.tmp
	mv $@.tmp $@

# The date the page was made with, rewritten only when MANDATE changes, so a
# new date makes a new page. An empty MANDATE (no git, or git refusing a
# checkout owned by another user, as under sudo) keeps the page that was made.
$(GEN)/mandate: FORCE
	@mkdir -p $(GEN)
	@if [ ! -f $@ ] || { [ -n '$(MANDATE)' ] && ! echo '$(MANDATE)' | cmp -s - $@; }; then echo '$(MANDATE)' > $@; fi

$(GEN)/prosegraph.bash: $(BIN)
	@mkdir -p $(GEN)
	$(BIN) --generate-completion-script bash > $@.tmp && mv $@.tmp $@
$(GEN)/_prosegraph: $(BIN)
	@mkdir -p $(GEN)
	$(BIN) --generate-completion-script zsh > $@.tmp && mv $@.tmp $@
$(GEN)/prosegraph.fish: $(BIN)
	@mkdir -p $(GEN)
	$(BIN) --generate-completion-script fish > $@.tmp && mv $@.tmp $@

install: build
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MAN1DIR) $(DESTDIR)$(BASHDIR) $(DESTDIR)$(ZSHDIR) $(DESTDIR)$(FISHDIR)
	$(INSTALL) -m 755 $(BIN) $(DESTDIR)$(BINDIR)/prosegraph
	for b in $(BUNDLES); do \
	  rm -rf $(DESTDIR)$(BINDIR)/$$b && cp -R $(BUILT)/$$b $(DESTDIR)$(BINDIR)/$$b && \
	  chmod -R u=rwX,go=rX $(DESTDIR)$(BINDIR)/$$b || exit 1; \
	done
	$(INSTALL) -m 644 $(MANPAGE) $(DESTDIR)$(MAN1DIR)/prosegraph.1
	$(INSTALL) -m 644 $(GEN)/prosegraph.bash $(DESTDIR)$(BASHDIR)/prosegraph
	$(INSTALL) -m 644 $(GEN)/_prosegraph $(DESTDIR)$(ZSHDIR)/_prosegraph
	$(INSTALL) -m 644 $(GEN)/prosegraph.fish $(DESTDIR)$(FISHDIR)/prosegraph.fish

# Removes the files install wrote; the folders stay (they are shared).
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/prosegraph $(DESTDIR)$(MAN1DIR)/prosegraph.1 \
	  $(DESTDIR)$(BASHDIR)/prosegraph $(DESTDIR)$(ZSHDIR)/_prosegraph $(DESTDIR)$(FISHDIR)/prosegraph.fish
	for b in $(BUNDLES); do rm -rf $(DESTDIR)$(BINDIR)/$$b; done

clean-install-files:
	rm -rf $(SCRATCH)/install

FORCE:
